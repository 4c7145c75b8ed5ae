package io.amira.bench.session;

import io.amira.simulator.AmiSimulator;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pipelined Ping, end to end: N caller threads share one session, each sending a Ping and waiting
 * for its answer in a loop. Reports actions/s and the latency p50/p99 per caller count, for Amira
 * and (unless {@code -Dbench.amiraOnly=true}) asterisk-java 3.42.2 in the same run, against the
 * simulator and against {@link RawPingServer} (the client's own ceiling); then Amira with 64 Pings
 * kept in flight by one thread through {@code sendAsync} ({@link AsyncWindowPing}). Options:
 * {@code -Dbench.seconds=3 -Dbench.warmupSeconds=1 -Dbench.callers=1,8,64 -Dbench.server=simulator,raw}.
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
        boolean amiraOnly = Boolean.getBoolean("bench.amiraOnly");
        String[] callerCounts = System.getProperty("bench.callers", "1,8,64").split(",");
        System.out.printf("Pipelined Ping, %d s measured after %d s warm-up, %d CPUs, Java %s%n",
                seconds, warmupSeconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| client | callers | actions/s | p50 (ms) | p99 (ms) | p99.9 (ms) | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        String servers = System.getProperty("bench.server", "simulator,raw");
        if (servers.contains("simulator")) {
            try (AmiSimulator simulator = AmiSimulator.start()) {
                runAll("simulator", simulator.host(), simulator.port(), callerCounts, amiraOnly, warmupSeconds, seconds);
            }
        }
        if (servers.contains("raw")) {
            try (RawPingServer raw = new RawPingServer()) {
                runAll("raw responder", raw.host(), raw.port(), callerCounts, amiraOnly, warmupSeconds, seconds);
            }
        }
    }

    private static void runAll(String server, String host, int port, String[] callerCounts, boolean amiraOnly,
                               int warmupSeconds, int seconds) throws Exception {
        for (String count : callerCounts) {
            int callers = Integer.parseInt(count.trim());
            run("Amira → " + server, (h, p) -> new AmiraSessionClient(h, p, false), host, port, callers,
                    warmupSeconds, seconds);
            if (!amiraOnly) {
                run("asterisk-java 3.42.2 → " + server, (h, p) -> new AsteriskJavaSessionClient(h, p, false),
                        host, port, callers, warmupSeconds, seconds);
            }
        }
        AsyncWindowPing.run("Amira sendAllAsync → " + server, host, port, 64, warmupSeconds, seconds);
    }

    private static void run(String label, ClientFactory factory, String host, int port, int callers,
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
        }
    }

    private static final class VolatilePhase {
        volatile int value = PHASE_WARMUP;
    }
}
