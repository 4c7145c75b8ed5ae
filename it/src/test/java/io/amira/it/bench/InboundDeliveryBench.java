package io.amira.it.bench;

import io.amira.it.AmiTarget;
import io.amira.it.LoadAverage;
import io.amira.it.bench.mdb.DeliveryStats;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.Property;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events/s from the simulator into an MDB on WildFly with per-call ordering, and the delivery
 * latency at a fixed rate. A benchmark, not a test: its name keeps it out of the default run; run
 * it on request with {@code mvn -pl it -am verify -Dit.test=InboundDeliveryBench} (options:
 * {@code -Damira.bench.calls=1000 -Damira.bench.flatOut=1000000 -Damira.bench.rate=200000
 * -Damira.bench.seconds=10 -Damira.bench.latencyRate=10000 -Damira.bench.repeats=3}, and the MDB's
 * {@code -Damira.bench.concurrency/bufferCapacityBytes/ordering}). Figures land in
 * {@code it/target/bench/inbound-delivery.txt}.
 *
 * <p>Runs, one after the other on the same deployment: a warm-up; flat-out floods (three by default,
 * each a few seconds, so one noisy moment on a shared machine shows) spread over many calls (the MDB's maximum rate; what does not fit the buffer is dropped and reported); the
 * same flood paced at the target rate (must arrive complete); then events stamped with their send
 * time ({@code SentMicros}, microseconds of the wall clock, {@link Instant#now()} in both JVMs) at a
 * fixed rate, for the latency.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundDeliveryBench {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @ArquillianResource
    private ManagementClient management;

    private final List<String> report = new ArrayList<>();
    private String lastSnapshot = "";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return BenchDeployment.create();
    }

    @Test
    void inboundDelivery() throws Exception {
        assumeTrue(AmiTarget.isSimulated(), "the bench floods the simulator; a real Asterisk cannot be driven this way");
        int calls = Integer.getInteger("amira.bench.calls", 1000);
        long flatOut = Long.getLong("amira.bench.flatOut", 1_000_000); // fits the bean's buffer: no drops
        long rate = Long.getLong("amira.bench.rate", 200_000);
        int seconds = Integer.getInteger("amira.bench.seconds", 10);
        long latencyRate = Long.getLong("amira.bench.latencyRate", 10_000);
        AmiSimulator sim = AmiTarget.simulator();
        Logger simulatorLog = Logger.getLogger("io.amira.simulator");
        Level level = simulatorLog.getLevel();
        simulatorLog.setLevel(Level.WARNING);
        // Not Asterisk's 100 ms: a WildFly GC pause or a descheduled reader on this shared machine
        // would otherwise end the session mid-run; the bench measures delivery, not that.
        sim.slowReaderTimeout(Duration.ofSeconds(5));
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> stats().get("notifications") >= 1); // Amira.Connected
            report.add("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, simulator in the test JVM, WildFly in another; "
                    + "activation overrides: " + overrides());
            flood("warm-up", sim, FloodSpec.builder().calls(calls).ratePerSecond(50_000).count(250_000).build());
            int repeats = Integer.getInteger("amira.bench.repeats", 3);
            List<Map<String, Long>> flatOutRuns = new ArrayList<>();
            for (int i = 1; i <= repeats; i++) {
                flatOutRuns.add(flood("flat out #" + i, sim, FloodSpec.builder().calls(calls).count(flatOut).build()));
            }
            Map<String, Long> paced = flood("at " + rate + "/s", sim,
                    FloodSpec.builder().calls(calls).ratePerSecond(rate).count(rate * seconds).build());
            // The flat-out run left up to a full buffer of events in WildFly's heap; collect it now
            // rather than in the middle of the latency run.
            collectGarbageInWildFly();
            long[] gcBefore = wildFlyGc();
            Map<String, Long> latency = stamped("latency at " + latencyRate + "/s", sim, calls, latencyRate, latencyRate * seconds);

            long[] gcAfter = wildFlyGc();
            report.add("WildFly GC during the latency run: " + (gcAfter[0] - gcBefore[0]) + " collections, "
                    + (gcAfter[1] - gcBefore[1]) + " ms in total");
            for (Map<String, Long> max : flatOutRuns) {
                assertEquals(0, max.get("violations"), "per-call order, flat out");
            }
            assertEquals(0, paced.get("violations"), "per-call order, paced");
            assertEquals(0, latency.get("violations"), "per-call order, latency run");
        } finally {
            sim.slowReaderTimeout(Duration.ofMillis(100));
            simulatorLog.setLevel(level);
            Path file = Path.of("target", "bench", "inbound-delivery.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** One flood into the MDB; waits until every event is delivered or reported lost. */
    private Map<String, Long> flood(String name, AmiSimulator sim, FloodSpec spec) throws Exception {
        reset(spec.seqPeriod());
        String loadBefore = LoadAverage.now();
        Flood flood = sim.flood(spec);
        flood.awaitDone(RUN_TIMEOUT);
        long sent = flood.sent();
        Map<String, Long> stats = awaitAccounted(sent);
        record(name, spec.toString(), sent, loadBefore);
        assertEquals(sent, stats.get("received") + stats.get("lost"), name + ": every event delivered or reported lost");
        return stats;
    }

    /** Events stamped with their send time, paced from this thread through emitEvent, spread over calls. */
    private Map<String, Long> stamped(String name, AmiSimulator sim, int calls, long rate, long count) throws Exception {
        reset(0);
        String loadBefore = LoadAverage.now();
        long start = System.nanoTime();
        long sent = 0;
        while (sent < count) {
            long due = Math.min(count, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (sent < due) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("UserEvent", "Stamped");
                headers.put("Linkedid", "stamped-" + (sent % calls));
                headers.put("Seq", Long.toString(sent / calls));
                headers.put("SentMicros", Long.toString(DeliveryStats.epochMicros(Instant.now())));
                sim.emitEvent("UserEvent", headers);
                sent++;
            }
            LockSupport.parkNanos(100_000);
        }
        Map<String, Long> stats = awaitAccounted(sent);
        record(name, "emitEvent UserEvent with SentMicros, " + calls + " calls", sent, loadBefore);
        return stats;
    }

    private Map<String, Long> awaitAccounted(long sent) throws Exception {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Map<String, Long> s = stats();
                    return s.get("received") + s.get("lost") >= sent;
                });
        return stats();
    }

    /** One report line: the run, what was sent, the bean's counters as the probe gave them last, the load. */
    private void record(String name, String spec, long sent, String loadBefore) {
        String line = String.format("%-22s sent=%d %s | load average before: %s, after: %s | %s", name, sent, lastSnapshot,
                loadBefore, LoadAverage.now(), spec);
        report.add(line);
        Logger.getLogger(InboundDeliveryBench.class.getName()).info(line);
    }

    private Map<String, Long> stats() throws IOException, InterruptedException {
        lastSnapshot = new BenchStats(management).snapshot();
        return BenchStats.parse(lastSnapshot);
    }

    private void reset(int seqPeriod) throws IOException, InterruptedException {
        new BenchStats(management).reset(seqPeriod);
    }

    private void collectGarbageInWildFly() throws IOException {
        ModelNode gc = new ModelNode();
        gc.get("operation").set("gc");
        gc.get("address").add("core-service", "platform-mbean").add("type", "memory");
        ModelNode result = management.getControllerClient().execute(gc);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    /** Collections and milliseconds spent collecting, summed over WildFly's garbage collectors. */
    private long[] wildFlyGc() throws IOException {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-children-resources");
        read.get("child-type").set("name");
        read.get("include-runtime").set(true);
        read.get("address").add("core-service", "platform-mbean").add("type", "garbage-collector");
        ModelNode result = management.getControllerClient().execute(read);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        long count = 0;
        long millis = 0;
        for (Property collector : result.get("result").asPropertyList()) {
            ModelNode values = collector.getValue();
            count += values.get("collection-count").asLong();
            millis += values.get("collection-time").asLong();
        }
        return new long[] {count, millis};
    }

    private static String overrides() {
        StringBuilder text = new StringBuilder();
        for (String name : BenchDeployment.OVERRIDABLE) {
            String value = System.getProperty("amira.bench." + name);
            if (value != null && !value.isBlank()) {
                text.append(name).append('=').append(value.trim()).append(' ');
            }
        }
        return text.length() == 0 ? "none (the bean's annotation)" : text.toString().trim();
    }
}
