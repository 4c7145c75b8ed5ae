package io.amira.it.bench;

import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.LoadAverage;
import io.amira.it.load.LoadGenerator;
import io.amira.it.load.LoadMBean;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.JMX;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Soak: for {@code amira.bench.soakMinutes} (default 30) the simulator sends 5,000 events/s, spread
 * over 1,000 calls, to the counting MDB, while four callers in the deployment send 500 actions/s
 * through the pool (WildFly's default managed executor ran four such endless tasks at a time on 2
 * CPUs: five or seven callers gave 400 actions/s). Every sixth of the run the server's heap is
 * measured after a full GC. Must hold: heap after GC never more than 5 % above the first sample (no
 * growth), 0 events lost, per-call order held, no action failed. A benchmark, not a test (its name keeps it out of {@code mvn verify}):
 * {@code mvn -pl it -am verify -Dit.test=SoakBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures land in {@code it/target/bench/soak.txt} (and docs/PERFORMANCE.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SoakBench {

    private static final String EAR = "amira-soak";
    private static final int EVENTS_PER_SECOND = 5_000;
    private static final int CALLS = 1_000;
    private static final int SAMPLES = 6;
    private static final String[][] LOAD_SETTINGS = {
            {"amira.load.callers", "4"}, {"amira.load.intervalMillis", "8"}, {"amira.load.originateMillis", "0"}};

    @ArquillianResource
    private ManagementClient management;

    @ArquillianResource
    private Deployer deployer;

    private final List<String> report = new ArrayList<>();
    private BenchStats counters;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return BenchDeployment.create().addAsModule(Deployments.mdbModule("soak-load.jar", "amira.ear#adapter.rar",
                LoadGenerator.class, LoadMBean.class));
    }

    @Test
    void soak() throws Exception {
        assumeTrue(AmiTarget.isSimulated(), "the soak floods the simulator; a real Asterisk cannot be driven this way");
        counters = new BenchStats(management);
        int minutes = Integer.getInteger("amira.bench.soakMinutes", 30);
        AmiSimulator sim = AmiTarget.simulator();
        Logger simulatorLog = Logger.getLogger("io.amira.simulator");
        Level level = simulatorLog.getLevel();
        simulatorLog.setLevel(Level.WARNING);
        sim.slowReaderTimeout(Duration.ofSeconds(5)); // as InboundDeliveryBench: a GC pause must not end the session
        for (String[] setting : LOAD_SETTINGS) {
            ModelNode add = operation("add", "system-property", setting[0]);
            add.get("value").set(setting[1]);
            execute(add);
        }
        deployer.deploy(EAR);
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:remote+http://"
                + management.getMgmtAddress() + ":" + management.getMgmtPort()))) {
            LoadMBean load = JMX.newMBeanProxy(jmx.getMBeanServerConnection(), new ObjectName(LoadGenerator.OBJECT_NAME),
                    LoadMBean.class);
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> stats().get("notifications") >= 1);
            long count = (long) EVENTS_PER_SECOND * 60 * minutes;
            FloodSpec spec = FloodSpec.builder().calls(CALLS).ratePerSecond(EVENTS_PER_SECOND).count(count).build();
            counters.reset(spec.seqPeriod());
            report.add(String.format(Locale.ROOT, "soak %d min: %s; pool load %s; %d CPUs, load average %s",
                    minutes, spec, describe(LOAD_SETTINGS), Runtime.getRuntime().availableProcessors(), LoadAverage.now()));
            long actionsBefore = load.getActions();
            long failedBefore = load.getFailed();
            long started = System.nanoTime();
            Flood flood = sim.flood(spec);
            List<Long> heap = new ArrayList<>();
            for (int sample = 1; sample <= SAMPLES; sample++) {
                flood.awaitDone(Duration.ofMinutes(minutes).dividedBy(SAMPLES));
                heap.add(heapAfterFullGc());
                long actions = load.getActions() - actionsBefore;
                double elapsed = (System.nanoTime() - started) / 1e9;
                report.add(String.format(Locale.ROOT, "%6.0f s: heap after GC %d MiB | sent %d | %s | actions %d (%.0f/s),"
                                + " failed %d | load average %s", elapsed, heap.get(heap.size() - 1) >> 20, flood.sent(),
                        snapshot(), actions, actions / elapsed, load.getFailed() - failedBefore, LoadAverage.now()));
            }
            assertTrue(flood.awaitDone(Duration.ofMinutes(5)), "the flood did not finish");
            long sent = flood.sent();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stats().get("received") + stats().get("lost") >= sent);
            Map<String, Long> end = stats();
            long first = heap.get(0);
            // Growth is what a leak shows: a heap that settles lower than the first sample (warm-up
            // caches, a machine whose load fell) is reported, not held against the run.
            double drift = heap.stream().mapToDouble(h -> (h - first) * 100.0 / first).max().orElse(0);
            double spread = heap.stream().mapToDouble(h -> Math.abs(h - first) * 100.0 / first).max().orElse(0);
            report.add(String.format(Locale.ROOT, "end: sent %d received %d lost %d order violations %d; heap after GC"
                            + " %s MiB, largest growth over the first sample %.1f %% (largest difference either way %.1f %%);"
                            + " actions failed %d", sent, end.get("received"), end.get("lost"), end.get("violations"),
                    heap.stream().map(h -> Long.toString(h >> 20)).toList(), drift, spread, load.getFailed() - failedBefore));
            assertEquals(sent, end.get("received"), "every event delivered");
            assertEquals(0, end.get("lost"));
            assertEquals(0, end.get("violations"), "per-call order");
            assertEquals(0, load.getFailed() - failedBefore, "actions failed");
            assertTrue(drift <= 5.0, "heap after GC grew " + drift + " % over the first sample");
        } finally {
            deployer.undeploy(EAR);
            for (String[] setting : LOAD_SETTINGS) {
                execute(operation("remove", "system-property", setting[0]));
            }
            sim.slowReaderTimeout(Duration.ofMillis(100));
            simulatorLog.setLevel(level);
            Path file = Path.of("target", "bench", "soak.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            report.forEach(line -> Logger.getLogger(SoakBench.class.getName()).info(line));
        }
    }

    private long heapAfterFullGc() throws IOException {
        execute(operation("gc", "core-service", "platform-mbean", "type", "memory"));
        ModelNode read = operation("read-attribute", "core-service", "platform-mbean", "type", "memory");
        read.get("name").set("heap-memory-usage");
        return execute(read).get("used").asLong();
    }

    private String snapshot() throws IOException, InterruptedException {
        return counters.snapshot().replaceAll(" latency.*", "");
    }

    private Map<String, Long> stats() throws IOException, InterruptedException {
        return BenchStats.parse(snapshot());
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode outcome = management.getControllerClient().execute(operation);
        assertEquals("success", outcome.get("outcome").asString(), outcome.toString());
        return outcome.get("result");
    }

    private static ModelNode operation(String name, String... address) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        for (int i = 0; i < address.length; i += 2) {
            operation.get("address").add(address[i], address[i + 1]);
        }
        return operation;
    }

    private static String describe(String[][] settings) {
        StringBuilder text = new StringBuilder();
        for (String[] setting : settings) {
            text.append(setting[0]).append('=').append(setting[1]).append(' ');
        }
        return text.toString().trim();
    }

}
