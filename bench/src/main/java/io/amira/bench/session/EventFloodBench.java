package io.amira.bench.session;

import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Events/s from the simulator's flat-out flood into one session with a counting listener, and how
 * many were lost. The event is a real Asterisk 22 {@code Newstate} (16 headers, about 390 bytes, from
 * the 06 transcript), which both clients know. Each round floods, one after the other, the raw limit
 * ({@link RawSessionClient}: a plain socket reader counting packet ends), Amira and (unless
 * {@code -Dbench.amiraOnly=true}) asterisk-java 3.42.2 with the simulator's slow-reader disconnect
 * off (in round 1 also with it on, 100 ms like Asterisk's writetimeout); the ratios per round and
 * their medians close the output. Options: {@code -Dbench.events=5000000 -Dbench.asteriskJavaEvents=200000 -Dbench.rounds=3}
 * {@code -Dbench.slowReaderOff=true} (no slow-reader disconnect for Amira and the raw reader either: for
 * ratios on a loaded machine, where a descheduled reader may be cut off by the 100 ms rule),
 * {@code -Dbench.warmupEvents=1000000} (one Amira flood first, not reported).
 */
public final class EventFloodBench {

    /** A round ends when nothing arrived for this long after the flood stopped sending. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

    private EventFloodBench() {
    }

    interface ClientFactory {
        SessionClient open(AmiSimulator simulator) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        long amiraEvents = Long.getLong("bench.events", 5_000_000);
        long asteriskJavaEvents = Long.getLong("bench.asteriskJavaEvents", 200_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        boolean amiraOnly = Boolean.getBoolean("bench.amiraOnly");
        System.out.printf("Event flood, %d CPUs, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LoadAverage.now());
        System.out.println("| client | round | events flooded | events received | lost | seconds | events/s | cut off as slow reader |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        List<Double> raw = new ArrayList<>();
        List<Double> amira = new ArrayList<>();
        List<Double> asteriskJava = new ArrayList<>();
        try (AmiSimulator simulator = AmiSimulator.start()) {
            boolean slowReaderOff = Boolean.getBoolean("bench.slowReaderOff");
            Duration slowReader = slowReaderOff ? Duration.ZERO : Duration.ofMillis(100);
            // Warm-up (not reported): the JIT compiles Amira's decoder during the first flood.
            long warmupEvents = Long.getLong("bench.warmupEvents", 1_000_000);
            if (warmupEvents > 0) {
                simulator.slowReaderTimeout(Duration.ZERO);
                try (SessionClient client = new AmiraSessionClient(simulator.host(), simulator.port(), true)) {
                    simulator.flood(newstate(warmupEvents)).awaitDone(Duration.ofSeconds(60));
                }
            }
            // Interleaved, so that each round's figures share the machine's load of that moment.
            for (int round = 1; round <= rounds; round++) {
                simulator.slowReaderTimeout(slowReader);
                raw.add(run("raw reader (packet ends only)", round, simulator,
                        s -> new RawSessionClient(s.host(), s.port(), true), amiraEvents));
                amira.add(run("Amira", round, simulator, s -> new AmiraSessionClient(s.host(), s.port(), true), amiraEvents));
                if (!amiraOnly) {
                    if (round == 1 && !slowReaderOff) {
                        run("asterisk-java 3.42.2, slow-reader disconnect on", round, simulator,
                                s -> new AsteriskJavaSessionClient(s.host(), s.port(), true), asteriskJavaEvents);
                    }
                    simulator.slowReaderTimeout(Duration.ZERO);
                    asteriskJava.add(run("asterisk-java 3.42.2, slow-reader disconnect off", round, simulator,
                            s -> new AsteriskJavaSessionClient(s.host(), s.port(), true), asteriskJavaEvents));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nAmira / raw reader, per round: %s (median %.1f %%)%n",
                Ratios.percentages(amira, raw), 100 * Ratios.median(Ratios.of(amira, raw)));
        if (!amiraOnly) {
            System.out.printf(Locale.ROOT, "Amira / asterisk-java, per round: %s (median %.1f ×)%n",
                    Ratios.times(amira, asteriskJava), Ratios.median(Ratios.of(amira, asteriskJava)));
        }
        System.out.printf("load average at the end %s%n", LoadAverage.now());
    }

    /** One flood into one fresh session; returns its events/s. */
    private static double run(String label, int round, AmiSimulator simulator, ClientFactory factory, long count)
            throws Exception {
        try (SessionClient client = factory.open(simulator)) {
            long baseline = settledCount(client::eventsReceived);
            long accepted = simulator.sessionsAccepted();
            long started = System.nanoTime();
            Flood flood = simulator.flood(newstate(count));
            long lastChange = System.nanoTime();
            long seen = 0;
            long finished = started;
            while (true) {
                long received = client.eventsReceived() - baseline;
                long now = System.nanoTime();
                if (received != seen) {
                    seen = received;
                    lastChange = now;
                    finished = now;
                }
                if (received >= count) {
                    break;
                }
                if (flood.isDone() && now - lastChange > QUIET_NANOS) {
                    break;
                }
                if (now - started > TimeUnit.SECONDS.toNanos(120)) {
                    flood.stop();
                    break;
                }
                Thread.sleep(1);
            }
            flood.awaitDone(Duration.ofSeconds(5));
            double seconds = (finished - started) / 1e9;
            // Disconnected, or reconnected by the client itself (asterisk-java does).
            boolean cutOff = simulator.activeSessions() == 0 || simulator.sessionsAccepted() > accepted;
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %.2f | %,.0f | %s |", label, round,
                    count, seen, count - seen, seconds, seen / seconds, cutOff ? "yes" : "no"));
            return seen / seconds;
        }
    }

    static FloodSpec newstate(long count) {
        return FloodSpec.builder().event("Newstate", "call")
                .header("Channel", "Local/100@demo-00000001;2").header("ChannelState", "6")
                .header("ChannelStateDesc", "Up").header("CallerIDNum", "1234").header("CallerIDName", "AMI Test")
                .header("ConnectedLineNum", "1234").header("ConnectedLineName", "AMI Test").header("Language", "en")
                .header("AccountCode", "").header("Context", "demo").header("Exten", "100").header("Priority", "1")
                .header("Uniqueid", "1795383192.3").header("Linkedid", "1795383192.2")
                .count(count).build();
    }

    /** The listeners' count once the login's own events (FullyBooted...) have arrived. */
    static long settledCount(LongSupplier received) throws InterruptedException {
        long count = received.getAsLong();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(25);
            long now = received.getAsLong();
            if (now == count && i >= 4) {
                return now;
            }
            count = now;
        }
        return count;
    }
}
