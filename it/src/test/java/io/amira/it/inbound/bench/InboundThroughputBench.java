package io.amira.it.inbound.bench;

import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.inbound.bench.mdb.FloodCounterBean;
import io.amira.it.inbound.bench.probe.BenchProbe;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events/s from the simulator into an MDB on WildFly with per-call order, and p50/p99 delivery
 * latency at a fixed 10,000 events/s. A benchmark, not a test: its name keeps it out of the default
 * run; run it on request with {@code mvn -B -pl it -am verify -Dit.test=InboundThroughputBench}
 * (optional {@code -Damira.bench.events=300000 -Damira.bench.calls=1000 -Damira.bench.latency-seconds=10});
 * the figures land in {@code it/target/bench/inbound-throughput.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundThroughputBench {

    private static final String BINDING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss:ejb-jar xmlns:jboss="urn:jboss:jakartaee:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                           xmlns:r="urn:resource-adapter-binding" version="4.0" impl-version="2.0">
              <assembly-descriptor>
                <r:resource-adapter-binding>
                  <ejb-name>*</ejb-name>
                  <r:resource-adapter-name>amira.ear#adapter.rar</r:resource-adapter-name>
                </r:resource-adapter-binding>
              </assembly-descriptor>
            </jboss:ejb-jar>
            """;
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    @ArquillianResource
    private ManagementClient management;

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        JavaArchive mdbs = ShrinkWrap.create(JavaArchive.class, "inbound-bench-mdbs.jar")
                .addPackage(FloodCounterBean.class.getPackage())
                .addAsManifestResource(new StringAsset(BINDING), "jboss-ejb3.xml");
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "inbound-bench-probe.war")
                .addPackage(BenchProbe.class.getPackage());
        return Deployments.amiraEarWithProbe().addAsModule(mdbs).addAsModule(probe);
    }

    @Test
    void eventsPerSecondAndLatency() throws Exception {
        assumeTrue(AmiTarget.isSimulated(), "the bench drives the simulator's event injection");
        AmiSimulator simulator = AmiTarget.simulator();
        int events = Integer.getInteger("amira.bench.events", 300_000);
        int calls = Integer.getInteger("amira.bench.calls", 1000);
        int latencySeconds = Integer.getInteger("amira.bench.latency-seconds", 10);
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.activeSessions() >= 2);

        // Throughput: as fast as the simulator emits, 'calls' calls interleaved.
        post("reset");
        long start = System.nanoTime();
        emit(simulator, events, calls, 0);
        long emitNanos = System.nanoTime() - start;
        Map<String, Long> flood = awaitSettled(events);
        double perSecond = flood.get("received") * 1e9 / Math.max(1, flood.get("spanNanos"));

        // The simulator's pre-encoded flood, flat out: identical events, so one call delivered serially.
        post("reset");
        Flood burst = simulator.flood(FloodSpec.builder().event("UserEvent", "user").header("UserEvent", "Bench")
                .header("Linkedid", "1900000000.1").count(events).build());
        burst.awaitDone(Duration.ofMinutes(2));
        Map<String, Long> oneCall = awaitSettled(burst.sent() / 2); // two sessions read it: the bench MDB's and the sample's
        double oneCallPerSecond = oneCall.get("received") * 1e9 / Math.max(1, oneCall.get("spanNanos"));

        // Latency at a fixed 10,000 events/s.
        post("reset");
        int paced = 10_000 * latencySeconds;
        emit(simulator, paced, calls, 10_000);
        Map<String, Long> latency = awaitSettled(paced);

        String line = String.format("events=%d calls=%d emitted/s=%.0f received=%d lost=%d reconnects=%d outOfOrder=%d"
                        + " delivered/s=%.0f | flood, one call: received=%d lost=%d reconnects=%d delivered/s=%.0f | at 10000/s: received=%d lost=%d reconnects=%d p50=%dus p99=%dus",
                events, calls, events * 1e9 / emitNanos, flood.get("received"), flood.get("lost"), flood.get("reconnects"),
                flood.get("outOfOrder"), perSecond, oneCall.get("received"), oneCall.get("lost"), oneCall.get("reconnects"),
                oneCallPerSecond, latency.get("received"), latency.get("lost"), latency.get("reconnects"),
                latency.get("p50Micros"), latency.get("p99Micros"));
        Path report = Path.of("target", "bench", "inbound-throughput.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(0L, flood.get("outOfOrder"), line);
        assertEquals(0L, latency.get("outOfOrder"), line);
    }

    /** Emits {@code count} Bench UserEvents over {@code calls} interleaved calls; {@code rate} 0 = flat out. */
    private static void emit(AmiSimulator simulator, int count, int calls, int rate) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0 && i % 10 == 0) {
                long due = start + TimeUnit.SECONDS.toNanos(i) / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            int call = i % calls;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Privilege", "user,all");
            headers.put("UserEvent", "Bench");
            headers.put("Uniqueid", "1800000000." + call);
            headers.put("Linkedid", "1800000000." + call);
            headers.put("Seq", Integer.toString(i / calls));
            headers.put("SentNanos", Long.toString(System.nanoTime()));
            simulator.emitEvent("UserEvent", headers);
        }
    }

    /**
     * The statistics once every event is accounted for, or once nothing moved for 5 s (events lost
     * with a dropped connection are not counted: the reconnects say it happened).
     */
    private Map<String, Long> awaitSettled(long expected) throws Exception {
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = accounted(stats());
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return now >= expected || System.nanoTime() - since[0] > TimeUnit.SECONDS.toNanos(5);
        });
        return stats();
    }

    private static long accounted(Map<String, Long> stats) {
        return stats.get("received") + stats.get("lost");
    }

    private Map<String, Long> stats() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }

    private void post(String path) throws Exception {
        http.send(HttpRequest.newBuilder(uri("/" + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private URI uri(String path) {
        return URI.create("http://" + management.getWebUri().getHost() + ":" + management.getWebUri().getPort()
                + "/inbound-bench-probe/stats" + path);
    }
}
