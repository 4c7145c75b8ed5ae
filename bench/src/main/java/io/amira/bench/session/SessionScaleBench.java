package io.amira.bench.session;

import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;

import javax.management.ObjectName;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a session costs and how the cost grows, in two parts.
 *
 * <p><b>Idle sessions.</b> 1, 10, then 100 {@link AmiClient} sessions (Events off, as the outbound
 * pool opens them), logged in to a simulator in a child JVM so that only the client side is on this
 * JVM's heap: live heap after a full GC (the JVM's heap histogram) per session, the classes that
 * grew, threads, and (when run with {@code -XX:NativeMemoryTracking=summary}) the threads' native
 * memory.
 *
 * <p><b>Events with many sessions.</b> 1, 10, 100 sessions on an in-process simulator, each with
 * Events on and a counting listener, flooded flat out with the {@code Newstate} of EventFloodBench
 * (the total split evenly; slow-reader disconnect off): events/s over all sessions for the raw reader ({@link RawSessionClient})
 * and for Amira, one after the other per session count, and their ratio.
 *
 * <p>Options: {@code -Dbench.sessions=1,10,100 -Dbench.events=3000000 -Dbench.parts=idle,events}.
 */
public final class SessionScaleBench {

    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

    private SessionScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int[] counts = java.util.Arrays.stream(System.getProperty("bench.sessions", "1,10,100").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        long events = Long.getLong("bench.events", 3_000_000);
        System.out.printf("Session scale, %d CPUs, Java %s, max heap %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, LoadAverage.now());
        String parts = System.getProperty("bench.parts", "idle,events");
        if (parts.contains("idle")) {
            idleSessions(counts);
        }
        if (parts.contains("events")) {
            eventsWithSessions(counts, events);
        }
        System.out.printf("load average at the end %s%n", LoadAverage.now());
    }

    private static void idleSessions(int[] counts) throws Exception {
        int port = freePort();
        Process simulator = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), "io.amira.simulator.Main", "--port", String.valueOf(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<AmiClient> clients = new ArrayList<>();
        try {
            awaitListening(port);
            AmiClientConfig config = AmiClientConfig.builder().host("127.0.0.1").port(port)
                    .username("admin").secret("amp111").events("off").actionTimeout(Duration.ofSeconds(10))
                    .authType(AmiClientConfig.AuthType.PLAIN).build();
            // One session first and closed again, so that classes and caches loaded once are in the baseline.
            AmiClient.connect(config, null).close();
            HeapHistogram baseline = HeapHistogram.take();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            String nmtBefore = nativeMemory();
            System.out.println();
            System.out.println("| idle AmiClient sessions (Events off) | live heap growth | per session | threads added | thread native memory added (NMT, reserved / committed) |");
            System.out.println("|---:|---:|---:|---:|---|");
            HeapHistogram last = baseline;
            for (int count : counts) {
                while (clients.size() < count) {
                    clients.add(AmiClient.connect(config, null));
                }
                last = HeapHistogram.take();
                long grown = last.totalBytes - baseline.totalBytes;
                System.out.println(String.format(Locale.ROOT, "| %d | %,d B | **%,d B** | %d | %s |", count, grown,
                        grown / count, ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore,
                        threadMemoryGrowth(nmtBefore, nativeMemory())));
            }
            System.out.println();
            System.out.println("Classes that grew most, per session (" + clients.size() + " sessions):");
            System.out.println();
            System.out.println("| class | instances per session | bytes per session |");
            System.out.println("|---|---:|---:|");
            last.largestGrowth(baseline, clients.size(), 15).forEach(System.out::println);
        } finally {
            clients.forEach(AmiClient::close);
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void eventsWithSessions(int[] counts, long events) throws Exception {
        System.out.println();
        System.out.println("| sessions | client | events flooded | received | lost | seconds | events/s (all sessions) | Amira / raw |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        try (AmiSimulator simulator = AmiSimulator.start()) {
            // 100 reading threads on two cores: a session may wait its turn longer than Asterisk's 100 ms.
            simulator.slowReaderTimeout(Duration.ZERO);
            for (int count : counts) {
                long perSession = events / count;
                double raw = flood(simulator, count, perSession, "raw reader", () -> new RawSessionClient(
                        simulator.host(), simulator.port(), true), 0);
                flood(simulator, count, perSession, "Amira", () -> new AmiraSessionClient(simulator.host(),
                        simulator.port(), true), raw);
            }
        }
    }

    interface Opener {
        SessionClient open() throws Exception;
    }

    private static double flood(AmiSimulator simulator, int count, long perSession, String label, Opener opener,
                                double raw) throws Exception {
        List<SessionClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                clients.add(opener.open());
            }
            LongSupplier received = () -> clients.stream().mapToLong(SessionClient::eventsReceived).sum();
            long baseline = EventFloodBench.settledCount(received);
            long expected = perSession * count;
            long started = System.nanoTime();
            Flood flood = simulator.flood(EventFloodBench.newstate(perSession));
            long seen = 0;
            long lastChange = started;
            while (true) {
                long now = System.nanoTime();
                long got = received.getAsLong() - baseline;
                if (got != seen) {
                    seen = got;
                    lastChange = now;
                }
                if (got >= expected || flood.isDone() && now - lastChange > QUIET_NANOS
                        || now - started > TimeUnit.SECONDS.toNanos(120)) {
                    break;
                }
                Thread.sleep(1);
            }
            flood.stop();
            flood.awaitDone(Duration.ofSeconds(5));
            double perSecond = seen / ((lastChange - started) / 1e9);
            System.out.println(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %.2f | %,.0f | %s |", count, label,
                    expected, seen, expected - seen, (lastChange - started) / 1e9, perSecond,
                    raw > 0 ? String.format(Locale.ROOT, "%.1f %%", 100 * perSecond / raw) : ""));
            return perSecond;
        } finally {
            for (SessionClient client : clients) {
                client.close();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** NMT's summary, or null when the JVM runs without -XX:NativeMemoryTracking. */
    private static String nativeMemory() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        return text.contains("Thread (reserved=") ? text : null;
    }

    private static String threadMemoryGrowth(String before, String after) {
        if (before == null || after == null) {
            return "run with -XX:NativeMemoryTracking=summary";
        }
        long[] b = threadLine(before);
        long[] a = threadLine(after);
        return String.format(Locale.ROOT, "%,d KB / %,d KB", a[0] - b[0], a[1] - b[1]);
    }

    /** reserved and committed KB of NMT's "Thread" category. */
    private static long[] threadLine(String summary) {
        int at = summary.indexOf("Thread (reserved=");
        String line = summary.substring(at, summary.indexOf('\n', at));
        long reserved = Long.parseLong(line.replaceAll(".*reserved=(\\d+)KB.*", "$1"));
        long committed = Long.parseLong(line.replaceAll(".*committed=(\\d+)KB.*", "$1"));
        return new long[] {reserved, committed};
    }
}
