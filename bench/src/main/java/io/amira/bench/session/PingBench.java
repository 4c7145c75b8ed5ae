package io.amira.bench.session;

import io.amira.simulator.AmiSimulator;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pipelined Ping, end to end: N caller threads share one session, each sending a Ping and waiting
 * for its answer in a loop. Reports actions/s and the latency p50/p99 per caller count, for Amira
 * and (unless {@code -Dbench.amiraOnly=true}) asterisk-java 3.42.2 in the same run, against the
 * simulator and against {@link RawPingServer} (the client's own ceiling); then Amira with 64 Pings
 * kept in flight by one thread through {@code sendAsync} and {@code sendAllAsync} ({@link AsyncWindowPing}).
 * Beside each, in the same round, the raw limit: {@link RawPingLoop} with as many Pings in flight on
 * a plain socket; the ratios to it close the output. Options: {@code -Dbench.seconds=3
 * -Dbench.warmupSeconds=1 -Dbench.callers=1,8,64 -Dbench.server=simulator,raw -Dbench.rounds=1}.
 */
public final class PingBench {

    private static final int PHASE_WARMUP = 0;
    private static final int PHASE_MEASURE = 1;
    private static final int PHASE_STOP = 2;

    private PingBench() {
    }

    interface ClientFactory {
        SessionClient open(String host, int port) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int seconds = Integer.getInteger("bench.seconds", 3);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 1);
        int rounds = Integer.getInteger("bench.rounds", 1);
        boolean amiraOnly = Boolean.getBoolean("bench.amiraOnly");
        String[] callerCounts = System.getProperty("bench.callers", "1,8,64").split(",");
        System.out.printf("Pipelined Ping, %d s measured after %d s warm-up, %d CPUs, Java %s, load average %s%n",
                seconds, warmupSeconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                LoadAverage.now());
        System.out.println("| client | callers | actions/s | p50 (ms) | p99 (ms) | p99.9 (ms) | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        String servers = System.getProperty("bench.server", "simulator,raw");
        List<String> summary = new ArrayList<>();
        if (servers.contains("simulator")) {
            try (AmiSimulator simulator = AmiSimulator.start()) {
                runAll("simulator", simulator.host(), simulator.port(), callerCounts, amiraOnly, rounds, warmupSeconds,
                        seconds, summary);
            }
        }
        if (servers.contains("raw")) {
            try (RawPingServer raw = new RawPingServer()) {
                runAll("raw responder", raw.host(), raw.port(), callerCounts, amiraOnly, rounds, warmupSeconds, seconds,
                        summary);
            }
        }
        System.out.println();
        summary.forEach(System.out::println);
        System.out.printf("load average at the end %s%n", LoadAverage.now());
    }

    /**
     * Per round and caller count: the raw loop with as many Pings in flight, Amira, asterisk-java;
     * then Amira's one-thread windows of 64 (sendAsync, sendAllAsync). Ratios to the raw loop of the
     * same round go to {@code summary}.
     */
    private static void runAll(String server, String host, int port, String[] callerCounts, boolean amiraOnly,
                               int rounds, int warmupSeconds, int seconds, List<String> summary) throws Exception {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String count : callerCounts) {
                int callers = Integer.parseInt(count.trim());
                figures.computeIfAbsent("raw " + callers, k -> new ArrayList<>()).add(RawPingLoop.run(
                        "raw loop → " + server, host, port, callers, warmupSeconds, seconds));
                figures.computeIfAbsent("Amira " + callers, k -> new ArrayList<>()).add(
                        run("Amira → " + server, (h, p) -> new AmiraSessionClient(h, p, false), host, port, callers,
                                warmupSeconds, seconds));
                if (!amiraOnly) {
                    figures.computeIfAbsent("asterisk-java " + callers, k -> new ArrayList<>()).add(
                            run("asterisk-java 3.42.2 → " + server, (h, p) -> new AsteriskJavaSessionClient(h, p, false),
                                    host, port, callers, warmupSeconds, seconds));
                }
            }
            if (figures.get("raw 64") == null || figures.get("raw 64").size() < round) {
                figures.computeIfAbsent("raw 64", k -> new ArrayList<>()).add(RawPingLoop.run(
                        "raw loop → " + server, host, port, 64, warmupSeconds, seconds));
            }
            figures.computeIfAbsent("Amira sendAsync 64", k -> new ArrayList<>()).add(AsyncWindowPing.run(
                    "Amira sendAsync → " + server, host, port, 64, false, warmupSeconds, seconds));
            figures.computeIfAbsent("Amira sendAllAsync 64", k -> new ArrayList<>()).add(AsyncWindowPing.run(
                    "Amira sendAllAsync → " + server, host, port, 64, true, warmupSeconds, seconds));
        }
        for (Map.Entry<String, List<Double>> entry : figures.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("raw")) {
                continue;
            }
            List<Double> raw = figures.get("raw " + name.substring(name.lastIndexOf(' ') + 1));
            summary.add(String.format(Locale.ROOT, "%s → %s / raw loop with as many in flight: %s (median %.1f %%)",
                    name, server, Ratios.percentages(entry.getValue(), raw),
                    100 * Ratios.median(Ratios.of(entry.getValue(), raw))));
        }
    }

    /** Prints one row and returns the actions/s. */
    private static double run(String label, ClientFactory factory, String host, int port, int callers,
                              int warmupSeconds, int seconds) throws Exception {
        try (SessionClient client = factory.open(host, port)) {
            AtomicReference<Throwable> firstError = new AtomicReference<>();
            Histogram[] histograms = new Histogram[callers];
            long[] errors = new long[callers];
            CountDownLatch done = new CountDownLatch(callers);
            List<Thread> threads = new ArrayList<>();
            VolatilePhase current = new VolatilePhase();
            for (int i = 0; i < callers; i++) {
                int index = i;
                histograms[i] = new Histogram(TimeUnit.SECONDS.toNanos(20), 3);
                Thread thread = new Thread(() -> {
                    try {
                        Histogram histogram = histograms[index];
                        while (true) {
                            int now = current.value;
                            if (now == PHASE_STOP) {
                                break;
                            }
                            long start = System.nanoTime();
                            try {
                                client.ping();
                            } catch (Exception e) {
                                firstError.compareAndSet(null, e);
                                errors[index]++;
                                continue;
                            }
                            if (now == PHASE_MEASURE && current.value == PHASE_MEASURE) {
                                histogram.recordValue(System.nanoTime() - start);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "ping-caller-" + i);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            current.value = PHASE_MEASURE;
            long started = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            current.value = PHASE_STOP;
            long elapsed = System.nanoTime() - started;
            done.await(30, TimeUnit.SECONDS);
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(20), 3);
            long errorCount = 0;
            for (int i = 0; i < callers; i++) {
                all.add(histograms[i]);
                errorCount += errors[i];
            }
            double perSecond = all.getTotalCount() / (elapsed / 1e9);
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.3f | %.3f | %.3f | %d |", label, callers,
                    perSecond, all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6,
                    all.getValueAtPercentile(99.9) / 1e6, errorCount));
            if (firstError.get() != null) {
                System.out.println("  first error: " + firstError.get());
            }
            return perSecond;
        }
    }

    private static final class VolatilePhase {
        volatile int value = PHASE_WARMUP;
    }
}
