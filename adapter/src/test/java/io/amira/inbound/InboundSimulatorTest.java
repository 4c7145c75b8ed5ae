package io.amira.inbound;

import io.amira.AmiraResourceAdapter;
import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.Flood;
import io.amira.simulator.FloodSpec;
import io.amira.log.CapturedLog;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbound side through the resource adapter, with container doubles, against the simulator. */
class InboundSimulatorTest {

    private final TestWorkManager workManager = new TestWorkManager();
    private final AmiraResourceAdapter adapter = new AmiraResourceAdapter();
    private final List<TestEndpointFactory> activated = new ArrayList<>();
    private AmiSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = AmiSimulator.start();
        adapter.start(new TestBootstrapContext(workManager));
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.activeSessions() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> workManager.running() == 0);
            for (TestEndpointFactory factory : activated) {
                assertEquals(0, factory.outstanding(), "endpoints not released");
                assertEquals(List.of(), factory.violations);
            }
        } finally {
            simulator.close();
            workManager.close();
        }
    }

    private AmiActivationSpec spec() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setHost(simulator.host());
        spec.setPort(simulator.port());
        spec.setUsername("admin");
        spec.setSecret("amp111");
        spec.setReconnectInitialDelayMillis(50L);
        spec.setReconnectMaxDelayMillis(200L);
        return spec;
    }

    private TestEndpointFactory activate(String name, AmiActivationSpec spec, Consumer<AmiEvent> bean) throws Exception {
        spec.validate();
        TestEndpointFactory factory = new TestEndpointFactory(name, bean);
        adapter.endpointActivation(factory, spec);
        activated.add(factory);
        return factory;
    }

    private static Consumer<AmiEvent> into(List<AmiEvent> events) {
        return events::add;
    }

    private static List<String> names(List<AmiEvent> events) {
        return events.stream().map(AmiEvent::name).toList();
    }

    private static long count(List<AmiEvent> events, String name) {
        return events.stream().filter(e -> e.name().equals(name)).count();
    }

    @Test
    void eachActivationReceivesOnlyWhatItsFilterLetsThrough() throws Exception {
        List<AmiEvent> hangups = new CopyOnWriteArrayList<>();
        List<AmiEvent> support = new CopyOnWriteArrayList<>();
        List<AmiEvent> userClass = new CopyOnWriteArrayList<>();
        AmiActivationSpec hangupSpec = spec();
        hangupSpec.setEventNames("Hangup");
        AmiActivationSpec supportSpec = spec();
        supportSpec.setHeaderMatch("Queue: support");
        supportSpec.setLifecycleEvents(false);
        AmiActivationSpec userSpec = spec();
        userSpec.setEventClasses("user");
        userSpec.setLifecycleEvents(false);
        activate("hangups", hangupSpec, into(hangups));
        activate("support", supportSpec, into(support));
        activate("user-class", userSpec, into(userClass));
        await().until(() -> simulator.activeSessions() == 3 && count(hangups, AmiLifecycleEvents.CONNECTED) == 1);
        await().until(() -> simulator.actionsReceived("Filter") == 1);

        simulator.emitEvent("Newchannel", Map.of("Privilege", "call,all", "Channel", "PJSIP/1-1", "Linkedid", "9.1"));
        simulator.emitEvent("QueueCallerJoin", Map.of("Privilege", "agent,all", "Queue", "sales", "Channel", "PJSIP/2-1"));
        simulator.emitEvent("QueueCallerJoin", Map.of("Privilege", "agent,all", "Queue", "support", "Channel", "PJSIP/3-1"));
        simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", "Demo"));
        simulator.emitEvent("Hangup", Map.of("Privilege", "call,all", "Channel", "PJSIP/1-1", "Linkedid", "9.1"));

        await().until(() -> hangups.size() == 2 && support.size() == 1 && userClass.size() == 1);
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, "Hangup"), names(hangups));
        assertEquals("support", support.get(0).get("Queue"));
        assertEquals("UserEvent", userClass.get(0).name());
    }

    @Test
    void thousandConcurrentCallsArriveEachInItsOwnOrder() throws Exception {
        int calls = 1000;
        int eventsPerCall = 10;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger outOfOrder = new AtomicInteger();
        AmiActivationSpec spec = spec();
        spec.setEventNames("Newexten");
        spec.setConcurrency(16);
        spec.setLifecycleEvents(false);
        TestEndpointFactory factory = activate("calls", spec, event -> {
            List<Integer> sequence = seen.computeIfAbsent(event.linkedId(), k -> new CopyOnWriteArrayList<>());
            int seq = Integer.parseInt(event.get("Seq"));
            if (sequence.size() != seq) {
                outOfOrder.incrementAndGet();
            }
            sequence.add(seq);
            OrderedDispatcherTest.spin(10_000);
        });
        await().until(() -> simulator.activeSessions() == 1 && simulator.actionsReceived("Filter") == 1);

        for (int seq = 0; seq < eventsPerCall; seq++) {
            for (int call = 0; call < calls; call++) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Privilege", "dialplan,all");
                headers.put("Channel", "Local/" + call + "@demo-00000001;1");
                headers.put("Uniqueid", "1700000000." + call + "." + (seq % 2));
                headers.put("Linkedid", "1700000000." + call);
                headers.put("Seq", Integer.toString(seq));
                simulator.emitEvent("Newexten", headers);
            }
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> seen.values().stream().mapToInt(List::size).sum() == calls * eventsPerCall);
        assertEquals(0, outOfOrder.get(), "a call's events were delivered out of order");
        assertEquals(calls, seen.size());
        assertTrue(factory.maxInOnEvent.get() > 1, "different calls were not delivered in parallel");
    }

    @Test
    void aBeanThatThrowsDoesNotStopTheStream() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = spec();
        spec.setEventNames("UserEvent");
        spec.setLifecycleEvents(false);
        activate("throwing", spec, event -> {
            seen.add(event.get("Seq"));
            throw new IllegalStateException("failing bean, on purpose");
        });
        await().until(() -> simulator.actionsReceived("Filter") == 1);

        for (int i = 0; i < 5; i++) {
            simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", "T", "Seq", Integer.toString(i)));
        }

        await().until(() -> seen.size() == 5);
        assertEquals(List.of("0", "1", "2", "3", "4"), seen);
    }

    @Test
    void afterASimulatorRestartTheStreamReconnectsAnnouncesItAndFiltersAgain() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = spec();
        spec.setEventNames("UserEvent");
        activate("restart", spec, into(events));
        await().until(() -> count(events, AmiLifecycleEvents.CONNECTED) == 1 && simulator.actionsReceived("Filter") == 1);

        simulator.refuseConnections(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(10)).until(() -> count(events, AmiLifecycleEvents.RECONNECTED) == 1);
        assertEquals(List.of(AmiLifecycleEvents.CONNECTED, AmiLifecycleEvents.DISCONNECTED, AmiLifecycleEvents.RECONNECTED),
                names(events));
        AmiEvent reconnected = events.get(2);
        assertEquals(simulator.host() + ":" + simulator.port(), reconnected.get(AmiLifecycleEvents.SERVER));
        assertTrue(Long.parseLong(reconnected.get(AmiLifecycleEvents.DOWN_MILLIS)) >= 0);
        assertEquals(2, simulator.actionsReceived("Filter"), "the server-side filter is installed again");

        simulator.emitEvent("Newchannel", Map.of("Privilege", "call,all", "Channel", "PJSIP/1-1"));
        simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", "AfterRestart"));
        await().until(() -> count(events, "UserEvent") == 1);
        assertEquals("AfterRestart", events.get(events.size() - 1).get("UserEvent"));
    }

    @Test
    void aHungServerIsDetectedByTheKeepaliveAndTheStreamComesBack() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = spec();
        spec.setKeepAliveIntervalMillis(200L);
        spec.setKeepAliveTimeoutMillis(300L);
        activate("hung", spec, into(events));
        await().until(() -> count(events, AmiLifecycleEvents.CONNECTED) == 1);

        simulator.hang(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(events, AmiLifecycleEvents.DISCONNECTED) == 1);
        AmiEvent disconnected = events.stream().filter(e -> e.name().equals(AmiLifecycleEvents.DISCONNECTED)).findFirst().orElseThrow();
        assertTrue(disconnected.get(AmiLifecycleEvents.CAUSE).contains("keepalive"), disconnected.get(AmiLifecycleEvents.CAUSE));

        simulator.hang(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(events, AmiLifecycleEvents.RECONNECTED) == 1);
    }

    @Test
    void everyEventIsEitherDeliveredOrReportedLostWhenTheBeanIsSlower() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong reportedLost = new AtomicLong();
        AtomicInteger gaps = new AtomicInteger();
        AmiActivationSpec spec = spec();
        spec.setEventNames("UserEvent");
        spec.setConcurrency(2);
        spec.setBufferCapacityBytes(256L * 1024); // about a thousand of the flood's events
        activate("slow", spec, event -> {
            if (event.name().equals(AmiLifecycleEvents.EVENTS_LOST)) {
                gaps.incrementAndGet();
                reportedLost.addAndGet(Long.parseLong(event.get(AmiLifecycleEvents.LOST)));
            } else if (event.name().equals("UserEvent")) {
                LockSupport.parkNanos(200_000); // a bean needing 0.2 ms per event: at most 10,000/s with 2 in parallel
                received.incrementAndGet();
            }
        });
        await().until(() -> simulator.actionsReceived("Filter") == 1);

        // Faster than the bean, well within what the reader keeps up with on a busy 2-core machine.
        Flood flood = simulator.flood(FloodSpec.atRate(40_000, 80_000));
        assertTrue(flood.awaitDone(Duration.ofSeconds(30)), "flood did not finish");
        long sent = flood.sent();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.get() + reportedLost.get() == sent);
        assertTrue(reportedLost.get() > 0, "the bean kept up; the test proves nothing");
        assertTrue(gaps.get() >= 1);
        assertEquals(1, simulator.activeSessions(), "the reader kept up with the flood: Asterisk would not disconnect it");
    }

    @Test
    void serverSettingsLeftUnsetOnTheSpecComeFromTheResourceAdapter() throws Exception {
        adapter.setHost(simulator.host());
        adapter.setPort(simulator.port());
        adapter.setUsername("admin");
        adapter.setSecret("amp111");
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = new AmiActivationSpec();

        activate("adapter-settings", spec, into(events));

        await().until(() -> count(events, AmiLifecycleEvents.CONNECTED) == 1);
        AmiEvent connected = events.stream().filter(e -> e.name().equals(AmiLifecycleEvents.CONNECTED)).findFirst().orElseThrow();
        assertEquals(simulator.host() + ":" + simulator.port(), connected.get(AmiLifecycleEvents.SERVER));
    }

    @Test
    void oneBeanClassActivatedOncePerPbxReceivesEachPbxsEventsTaggedUnderItsOwnConfigPrefix() throws Exception {
        try (AmiSimulator pbx2 = AmiSimulator.start(io.amira.simulator.SimulatorConfig.builder().port(0)
                .user("ops2", "secret2", "all", "all").build())) {
            Map<String, String> keys = Map.of(
                    "amira.it-pbx1.host", simulator.host(), "amira.it-pbx1.port", Integer.toString(simulator.port()),
                    "amira.it-pbx1.username", "admin", "amira.it-pbx1.secret", "amp111",
                    "amira.it-pbx2.host", pbx2.host(), "amira.it-pbx2.port", Integer.toString(pbx2.port()),
                    "amira.it-pbx2.username", "ops2", "amira.it-pbx2.secret", "secret2");
            keys.forEach(System::setProperty);
            try {
                List<AmiEvent> pbx1Events = new CopyOnWriteArrayList<>();
                List<AmiEvent> pbx2Events = new CopyOnWriteArrayList<>();
                AmiActivationSpec pbx1Spec = new AmiActivationSpec();
                pbx1Spec.setConfigPrefix("amira.it-pbx1");
                AmiActivationSpec pbx2Spec = new AmiActivationSpec();
                pbx2Spec.setConfigPrefix("amira.it-pbx2");
                pbx1Spec.setResourceAdapter(adapter);
                pbx2Spec.setResourceAdapter(adapter);
                activate("listener", pbx1Spec, into(pbx1Events));
                activate("listener", pbx2Spec, into(pbx2Events));
                await().until(() -> count(pbx1Events, AmiLifecycleEvents.CONNECTED) == 1 && count(pbx2Events, AmiLifecycleEvents.CONNECTED) == 1);

                simulator.emitEvent("UserEvent", Map.of("UserEvent", "FromPbx1"));
                pbx2.emitEvent("UserEvent", Map.of("UserEvent", "FromPbx2"));

                await().until(() -> count(pbx1Events, "UserEvent") == 1 && count(pbx2Events, "UserEvent") == 1);
                String server1 = simulator.host() + ":" + simulator.port();
                String server2 = pbx2.host() + ":" + pbx2.port();
                assertEquals(List.of("FromPbx1"), pbx1Events.stream().filter(e -> e.name().equals("UserEvent")).map(e -> e.get("UserEvent")).toList());
                assertEquals(List.of("FromPbx2"), pbx2Events.stream().filter(e -> e.name().equals("UserEvent")).map(e -> e.get("UserEvent")).toList());
                assertTrue(pbx1Events.stream().allMatch(e -> e.server().equals(server1)), pbx1Events.toString());
                assertTrue(pbx2Events.stream().allMatch(e -> e.server().equals(server2)), pbx2Events.toString());
                AmiEvent connected2 = pbx2Events.stream().filter(AmiEvent::isLifecycle).findFirst().orElseThrow();
                assertTrue(connected2.get(AmiLifecycleEvents.ACTIVATION).endsWith("[amira.it-pbx2]"), connected2.toString());
            } finally {
                keys.keySet().forEach(System::clearProperty);
            }
        }
    }

    @Test
    void deactivationClosesTheSocketAndEndsEveryThread() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        TestEndpointFactory factory = activate("undeploy", spec(), into(events));
        await().until(() -> simulator.activeSessions() == 1 && count(events, AmiLifecycleEvents.CONNECTED) == 1);

        adapter.endpointDeactivation(factory, null);

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.activeSessions() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> workManager.running() == 0);
        int before = events.size();
        simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", "Late"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> events.size() == before);
    }

    @Test
    void aWrongSecretIsLoggedOnceAnnouncedAndShownThroughJmxUntilDeactivation() throws Exception {
        String wrongSecret = "wr0ng-" + System.nanoTime();
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = spec();
        spec.setSecret(wrongSecret);
        spec.setAuthRetryDelayMillis(60_000L);
        try (CapturedLog log = CapturedLog.of("io.amira")) {
            TestEndpointFactory factory = activate("wrong-secret", spec, into(events));

            await().until(() -> count(events, AmiLifecycleEvents.AUTHENTICATION_FAILED) == 1);
            AmiEvent refused = events.get(0);
            assertEquals("admin", refused.get(AmiLifecycleEvents.USERNAME));
            assertEquals("60000", refused.get(AmiLifecycleEvents.RETRY_MILLIS));
            ObjectName name = activationMBean();
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            assertEquals("AUTHENTICATION_FAILED", jmx.getAttribute(name, "State"));
            assertEquals(1L, jmx.getAttribute(name, "LoginRefusals"));
            String lastError = (String) jmx.getAttribute(name, "LastError");
            assertTrue(lastError.contains(simulator.host() + ":" + simulator.port()) && lastError.contains("'admin'"), lastError);
            List<String> errors = log.messages().stream().filter(m -> m.contains("refused")).toList();
            assertEquals(1, errors.size(), "logged once: " + log.messages());
            assertTrue(errors.get(0).startsWith("AMIRA-CFG-010 activation "), errors.get(0));
            assertTrue(log.messages().stream().noneMatch(m -> m.contains(wrongSecret)), "the secret was logged");
            assertEquals(1, simulator.sessionsAccepted(), "one login, then the long wait");

            adapter.endpointDeactivation(factory, null);
            assertFalse(jmx.isRegistered(name), "unregistered on deactivation");
        }
    }

    @Test
    void aMissingSecretIsRefusedAtActivationNamingTheProperty() {
        AmiActivationSpec spec = spec();
        spec.setSecret(null);
        TestEndpointFactory factory = new TestEndpointFactory("no-secret", event -> { });

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class,
                () -> adapter.endpointActivation(factory, spec));

        assertTrue(e.getMessage().contains("secret is missing: set Secret (amira.secret, AMIRA_SECRET)"), e.getMessage());
        assertEquals(0, simulator.sessionsAccepted());
    }

    @Test
    void theActivationsCountersAndStateAreReadableThroughJmx() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiActivationSpec spec = spec();
        spec.setHeaderMatch("UserEvent: Keep");
        spec.setLifecycleEvents(false);
        activate("counted", spec, into(events));
        ObjectName name = activationMBean();
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        await().until(() -> "CONNECTED".equals(jmx.getAttribute(name, "State")));

        for (int i = 0; i < 5; i++) {
            simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", i < 3 ? "Keep" : "Drop"));
        }

        await().until(() -> events.size() == 3 && (Long) jmx.getAttribute(name, "EventsFiltered") >= 2);
        assertEquals(3L, jmx.getAttribute(name, "EventsDelivered"));
        assertEquals(jmx.getAttribute(name, "EventsReceived"),
                (Long) jmx.getAttribute(name, "EventsFiltered") + (Long) jmx.getAttribute(name, "EventsDelivered"));
        assertEquals(simulator.host() + ":" + simulator.port(), jmx.getAttribute(name, "Server"));
        assertEquals("admin", jmx.getAttribute(name, "Username"));
        for (String zero : new String[] {"EventsLostBufferFull", "EventsDiscarded", "EventsWaiting", "Disconnects", "LoginRefusals"}) {
            assertEquals(0L, jmx.getAttribute(name, zero), zero);
        }
        assertEquals(0, jmx.getAttribute(name, "CallsInFlight"));
    }

    /** The one activation's MBean (every test activation has the same bean class, so the same name). */
    private static ObjectName activationMBean() throws Exception {
        ObjectName name = ActivationMBean.objectName(TestEndpointFactory.Endpoint.class.getName());
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(name), name + " is not registered");
        return name;
    }
}
