package io.amira.it.cluster;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;
import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.WildFlyPorts;
import io.amira.it.cluster.mdb.EventLine;
import io.amira.it.cluster.mdb.RecordFile;
import io.amira.it.cluster.probe.ClusterProbe;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amira on a two-node WildFly cluster (docs/cluster.md): both nodes run standalone-full-ha.xml as
 * docs/wildfly/cluster.cli configures it (JGroups over TCP with a static member list), on loopback
 * with their own port offsets, against one AMI server; a recorder MDB, a clustered singleton,
 * writes what it delivers to a file per node. The test starts and kills the servers itself.
 *
 * <ol>
 *   <li>Calls placed through both nodes' outbound pools: each call's events are delivered on exactly
 *       one node, whole, once, in order; the passive node holds no event session.</li>
 *   <li>{@code kill -9} of the delivering node while calls go on: the other node takes over within
 *       15 s and announces the gap ({@code Amira.Connected}, its only notification); no event is
 *       delivered by both nodes, no call out of order.</li>
 *   <li>Calls placed after the takeover are delivered exactly once, by the survivor.</li>
 * </ol>
 */
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());

    private static final int CALLS_PER_NODE = 500;
    /** Placed one every {@link #PAUSE_ACROSS_THE_KILL}: calls start before the kill and go on after the takeover. */
    private static final int CALLS_ACROSS_THE_KILL = 300;
    private static final Duration PAUSE_ACROSS_THE_KILL = Duration.ofMillis(50);
    private static final int CALLS_AFTER_THE_TAKEOVER = 200;
    private static final int CONCURRENT_CALLS_PER_NODE = 25;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private static final Path WORK = Path.of("target", "cluster").toAbsolutePath();
    private static final String RECORD = "recorded-events.txt";
    private static final String RECORDER_MDB = "ClusterRecorderBean";
    private static final String MDB_MODULE = "cluster-it-mdbs.jar";
    private static final String PROBE_CONTEXT = "cluster-probe";
    private static final String[] CLUSTERED_SINGLETON_SERVICE = {"subsystem", "singleton", "singleton-policy", "default",
            "service", "org.wildfly.ejb3.clustered.singleton"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** What the reference client received, as {@link EventLine}s; its reader never waits for the test. */
    private final Queue<String> wire = new ConcurrentLinkedQueue<>();
    private final List<WildFlyNode> nodes = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private AmiClient observer;
    private volatile AmiException observerLost;

    @BeforeEach
    void relaxSlowReaderTimeout() {
        if (AmiTarget.isSimulated()) {
            // Three JVMs on a shared 2-core machine: a reader starved for 100 ms must not lose its
            // session here (that is InboundIT's subject); the clustering is this test's.
            AmiTarget.simulator().slowReaderTimeout(Duration.ofSeconds(5));
        }
    }

    @Test
    void oneNodeDeliversEachCallAndTheOtherTakesOverAfterAKill() throws Exception {
        long started = System.nanoTime();
        observer = observe();
        startCluster();
        WildFlyNode active = awaitOneDeliveringNode();
        WildFlyNode passive = other(active);
        report("cluster up in %d s; %s delivers, %s is passive", (System.nanoTime() - started) / 1_000_000_000, active.name(), passive.name());
        // While the nodes deploy one after the other, the first may deliver for a while before the
        // singleton moves to the oldest member: what the passive node recorded until now is not its.
        int passiveBefore = record(passive).size();

        // 1. Calls through both nodes' pools: exactly one node delivers each, whole, once, in order.
        CompletableFuture<List<String>> viaActive = placeCalls(active, CALLS_PER_NODE, Duration.ZERO);
        CompletableFuture<List<String>> viaPassive = placeCalls(passive, CALLS_PER_NODE, Duration.ZERO);
        List<String> steadyCalls = Stream.concat(viaActive.join().stream(), viaPassive.join().stream()).toList();
        DeliveryAudit steady = awaitDelivered(steadyCalls, active, passive);
        report("%d calls placed through both pools: %s", steadyCalls.size(), steady);
        assertTrue(steady.exactlyOnce() && steady.onFirstOnly() == steadyCalls.size(), steady.toString());
        assertEquals(0, openEventSessions(passive), passive.name() + " is passive but holds an event session");
        assertEquals(passiveBefore, record(passive).size(), passive.name() + " is passive but delivered events");
        assertTrue(notifications(active, 0).stream().allMatch(AmiLifecycleEvents.CONNECTED::equals),
                active.name() + " announced a gap while delivering: " + notifications(active, 0));

        // 2. kill -9 of the delivering node while calls go on through the other node's pool.
        int deliveredBefore = lines(active).size();
        CompletableFuture<List<String>> acrossTheKill = placeCalls(passive, CALLS_ACROSS_THE_KILL, PAUSE_ACROSS_THE_KILL);
        await().atMost(DELIVERY_TIMEOUT).until(() -> lines(active).size() >= deliveredBefore + 100);
        long killedAt = System.currentTimeMillis();
        active.kill();
        long connectedAt = awaitConnected(passive, passiveBefore);
        long takeoverMillis = connectedAt - killedAt;
        long firstEventMillis = firstCallEventTime(passive, passiveBefore) - killedAt;
        report("kill -9 of %s: %s announced Amira.Connected after %d ms, delivered its first call event after %d ms",
                active.name(), passive.name(), takeoverMillis, firstEventMillis);
        assertTrue(takeoverMillis <= TAKEOVER_LIMIT.toMillis(), "takeover took " + takeoverMillis + " ms");
        List<String> acrossCalls = acrossTheKill.join();

        // 3. Calls placed after the takeover: exactly once, by the survivor.
        List<String> afterCalls = placeCalls(passive, CALLS_AFTER_THE_TAKEOVER, Duration.ZERO).join();
        DeliveryAudit after = awaitDelivered(afterCalls, passive, active);
        report("%d calls placed after the takeover: %s", afterCalls.size(), after);
        assertTrue(after.exactlyOnce() && after.onFirstOnly() == afterCalls.size(), after.toString());
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED), notifications(passive, passiveBefore),
                "the survivor's lifecycle notifications: the takeover's gap announcement, and no other gap");

        DeliveryAudit across = DeliveryAudit.of(acrossCalls, wireSnapshot(), record(active), record(passive));
        report("%d calls in progress across the kill (first: the killed node, second: the survivor): %s", acrossCalls.size(), across);
        assertEquals(0, across.duplicates(), "events delivered twice across the takeover: " + across);
        assertEquals(0, across.outOfOrder(), "calls out of order across the takeover: " + across);
        report("test time %d s", (System.nanoTime() - started) / 1_000_000_000);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (AmiTarget.isSimulated()) {
            AmiTarget.simulator().slowReaderTimeout(Duration.ofMillis(100)); // Asterisk's default, the simulator's
        }
        if (observer != null) {
            observer.close();
        }
        for (WildFlyNode node : nodes) {
            node.close();
        }
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("report.txt"), report);
    }

    // --- the cluster ---

    private void startCluster() throws Exception {
        ClusterConfiguration configuration = ClusterConfiguration.create(Path.of(System.getProperty("jboss.home")), WORK);
        WildFlyPorts portsA = WildFlyPorts.pickFreeClusterNode(Set.of());
        WildFlyPorts portsB = WildFlyPorts.pickFreeClusterNode(portsA.ports());
        String members = "127.0.0.1[" + portsA.jgroupsTcpPort() + "],127.0.0.1[" + portsB.jgroupsTcpPort() + "]";
        nodes.add(startNode("node-a", configuration, portsA, members));
        nodes.add(startNode("node-b", configuration, portsB, members));
        for (WildFlyNode node : nodes) {
            node.awaitRunning(BOOT_TIMEOUT);
        }
        Path ear = clusterEar();
        for (WildFlyNode node : nodes) {
            node.deploy(ear);
        }
    }

    private WildFlyNode startNode(String name, ClusterConfiguration configuration, WildFlyPorts ports, String members)
            throws IOException {
        Path baseDir = configuration.baseDirectory(WORK.resolve(name));
        Map<String, String> properties = Map.of(
                "jboss.cluster.tcp.initial_hosts", members,
                "amira.host", AmiTarget.host(),
                "amira.port", Integer.toString(AmiTarget.port()),
                "amira.username", AmiTarget.username(),
                "amira.sample.clustered-singleton", "true",
                RecordFile.PROPERTY, baseDir.resolve(RECORD).toString());
        return WildFlyNode.start(name, configuration.jbossHome(), baseDir, ports, properties,
                Map.of("AMIRA_SECRET", AmiTarget.secret()));
    }

    /** amira.ear as built, plus the clustered-singleton recorder MDB and the call probe. */
    private static Path clusterEar() {
        JavaArchive mdbs = Deployments.clusteredSingletonMdbModule(MDB_MODULE, RecordFile.class.getPackage());
        WebArchive probe = ShrinkWrap.create(WebArchive.class, PROBE_CONTEXT + ".war").addPackage(ClusterProbe.class.getPackage());
        EnterpriseArchive ear = Deployments.amiraEar().addAsModule(mdbs).addAsModule(probe);
        Path file = WORK.resolve("amira.ear");
        ear.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /**
     * Waits until both nodes see each other as candidates of the clustered singleton, one of them
     * is the primary, and its recorder's event session is up; returns that node.
     */
    private WildFlyNode awaitOneDeliveringNode() {
        await().atMost(BOOT_TIMEOUT).ignoreExceptions().until(() -> nodes.stream().allMatch(node ->
                node.readAttribute("providers", CLUSTERED_SINGLETON_SERVICE).asList().size() == 2)
                && nodes.stream().filter(this::isPrimary).count() == 1);
        WildFlyNode primary = nodes.stream().filter(this::isPrimary).findFirst().orElseThrow();
        await().atMost(DELIVERY_TIMEOUT).until(() -> lines(primary).stream().anyMatch(line -> line.startsWith(AmiLifecycleEvents.CONNECTED + "|")));
        assertTrue(deliveryActive(primary), primary.name() + " is the singleton primary but its MDB delivery is not active");
        assertTrue(!deliveryActive(other(primary)), other(primary).name() + " is not the primary but its MDB delivery is active");
        return primary;
    }

    private boolean isPrimary(WildFlyNode node) {
        return node.readAttribute("is-primary", CLUSTERED_SINGLETON_SERVICE).asBoolean();
    }

    private static boolean deliveryActive(WildFlyNode node) {
        return node.readAttribute("delivery-active", "deployment", "amira.ear", "subdeployment", MDB_MODULE,
                "subsystem", "ejb3", "message-driven-bean", RECORDER_MDB).asBoolean();
    }

    private WildFlyNode other(WildFlyNode node) {
        return nodes.get(0) == node ? nodes.get(1) : nodes.get(0);
    }

    /** Event sessions of any activation on the node: activations logged (AMIRA-003) minus deactivations (AMIRA-004). */
    private static long openEventSessions(WildFlyNode node) throws IOException {
        List<String> log = Files.readAllLines(node.serverLog());
        return log.stream().filter(line -> line.contains("AMIRA-003 ")).count() - log.stream().filter(line -> line.contains("AMIRA-004 ")).count();
    }

    // --- calls and what was delivered ---

    /** Places calls through the node's outbound pool (the probe); completes with their Linkedids. */
    private CompletableFuture<List<String>> placeCalls(WildFlyNode node, int count, Duration pause) {
        URI uri = URI.create("http://127.0.0.1:" + node.ports().httpPort() + "/" + PROBE_CONTEXT + "/calls?channel="
                + URLEncoder.encode(AmiTarget.channel(), StandardCharsets.UTF_8) + "&count=" + count
                + "&concurrency=" + CONCURRENT_CALLS_PER_NODE + "&pauseMillis=" + pause.toMillis());
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    List<String> outcomes = response.body().lines().toList();
                    List<String> failed = outcomes.stream().filter(line -> !line.startsWith("ok ")).toList();
                    if (response.statusCode() != 200 || outcomes.size() != count || !failed.isEmpty()) {
                        throw new IllegalStateException("calls through " + node.name() + ": HTTP " + response.statusCode() + ", "
                                + outcomes.size() + " outcomes, failed: " + failed.stream().limit(5).toList() + " " + response.body().lines().limit(3).toList());
                    }
                    return outcomes.stream().map(line -> line.substring(3)).toList();
                });
    }

    /**
     * Waits until every call ended on the wire (as many Hangups as Newchannels) and its events were
     * delivered (nothing missing), or the timeout passed; returns the audit either way.
     */
    private DeliveryAudit awaitDelivered(List<String> calls, WildFlyNode first, WildFlyNode second) {
        awaitQuietly(() -> {
            List<String> sent = wireSnapshot();
            Map<String, List<String>> sentByCall = DeliveryAudit.byCall(sent);
            return calls.stream().allMatch(call -> endedOnTheWire(sentByCall.getOrDefault(call, List.of())))
                    && DeliveryAudit.of(calls, sent, record(first), record(second)).missing() == 0;
        });
        return DeliveryAudit.of(calls, wireSnapshot(), record(first), record(second));
    }

    /** As many Hangups as Newchannels: every channel of the call is gone. */
    private static boolean endedOnTheWire(List<String> call) {
        long hangups = call.stream().filter(line -> line.startsWith("Hangup|")).count();
        return hangups > 0 && hangups == call.stream().filter(line -> line.startsWith("Newchannel|")).count();
    }

    private static void awaitQuietly(Callable<Boolean> condition) {
        try {
            await().atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(condition);
        } catch (ConditionTimeoutException e) {
            LOG.warning(() -> "still incomplete after " + DELIVERY_TIMEOUT + "; the assertion reports what is there");
        }
    }

    /**
     * When the node's recorder received Amira.Connected, after its first {@code skip} records (epoch
     * ms, the node's clock: the same machine).
     */
    private long awaitConnected(WildFlyNode node, int skip) {
        Predicate<String> connected = line -> eventName(line).equals(AmiLifecycleEvents.CONNECTED);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> record(node, skip).stream().anyMatch(connected));
        return time(record(node, skip).stream().filter(connected).findFirst().orElseThrow());
    }

    /**
     * When the node's recorder received its first call event. (Calls and notifications are
     * delivered in parallel, each call in order: the file's order across calls is not delivery order.)
     */
    private long firstCallEventTime(WildFlyNode node, int skip) {
        Predicate<String> callEvent = line -> !AmiLifecycleEvents.isLifecycle(eventName(line));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> record(node, skip).stream().anyMatch(callEvent));
        return record(node, skip).stream().filter(callEvent).mapToLong(ClusterIT::time).min().orElseThrow();
    }

    /** The names of the lifecycle notifications the node's recorder received after its first {@code skip} records. */
    private static List<String> notifications(WildFlyNode node, int skip) {
        return record(node, skip).stream().map(ClusterIT::eventName).filter(AmiLifecycleEvents::isLifecycle).toList();
    }

    /** The event name of a record line ({@code millis|name|...}). */
    private static String eventName(String recordLine) {
        return recordLine.split("\\|")[1];
    }

    private AmiClient observe() throws AmiException {
        AmiClientConfig config = AmiClientConfig.builder()
                .host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret())
                .events("call,user")
                .build();
        return AmiClient.connect(config, new AmiClientListener() {
            @Override
            public void onEvent(AmiEvent event) {
                wire.add(EventLine.of(event));
            }

            @Override
            public void onDisconnect(AmiException cause) {
                observerLost = cause;
            }
        });
    }

    /** The wire so far; fails when the reference client lost its session (the comparison would be void). */
    private List<String> wireSnapshot() {
        assertNull(observerLost, () -> "the reference client lost its session, the wire record is incomplete: " + observerLost);
        return List.copyOf(wire);
    }

    /** The node's record file: {@code millis|line} per delivery. */
    private static List<String> record(WildFlyNode node) {
        return node.lines(RECORD);
    }

    /** The node's records after the first {@code skip}. */
    private static List<String> record(WildFlyNode node, int skip) {
        List<String> all = record(node);
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** The node's deliveries without their time. */
    private static List<String> lines(WildFlyNode node) {
        return DeliveryAudit.withoutTime(record(node));
    }

    private static long time(String recordLine) {
        return Long.parseLong(recordLine.substring(0, recordLine.indexOf('|')));
    }

    private void report(String format, Object... arguments) {
        String line = String.format(format, arguments);
        LOG.info(line);
        report.append(line).append('\n');
    }
}
