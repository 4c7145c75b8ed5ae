package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiResponse;
import io.amira.simulator.AmiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.amira.client.SimulatorClients.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the network and a misbehaving server do to the byte stream, seen through the client. */
class AmiClientWireFaultTest {

    private AmiSimulator simulator;
    private AmiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void packetsCutAtArbitraryBoundariesStillCorrelate() throws Exception {
        simulator = AmiSimulator.start();
        simulator.splitWrites(3);
        client = AmiClient.connect(admin(simulator).build(), null);
        assertTrue(client.banner().startsWith("Asterisk Call Manager/"));
        AmiResponse queues = client.send(AmiAction.of("QueueStatus"));
        assertEquals("QueueStatusComplete", queues.completion().name());
        AmiResponse version = client.send(AmiAction.builder("Command").header("Command", "core show version").build());
        assertFalse(version.outputLines().isEmpty());
    }

    @Test
    void anEventWithALineOverTheAnswerLimitIsDroppedAndTheSessionGoesOn() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).events("on").maxAnswerBytes(64 * 1024).build(), listener);
        simulator.injectOversizeLine(1024 * 1024);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.droppedPackets() == 1);
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        assertTrue(client.isConnected());
        assertTrue(listener.disconnects.isEmpty());
        assertFalse(listener.received("Oversize"));
    }

    @Test
    void aMegabyteLineIsWithinTheDefaultLimit() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).events("on").build(), listener);
        simulator.injectOversizeLine(1024 * 1024);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.received("Oversize"));
        assertEquals(1024 * 1024 - "Oversize: ".length(),
                listener.events.stream().filter(e -> e.name().equals("Oversize")).findFirst().orElseThrow()
                        .get("Oversize").length());
        assertTrue(client.isConnected());
    }

    @Test
    void garbageBetweenPacketsIsSkippedAndTheSessionGoesOn() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).build(), listener);
        simulator.injectGarbage("this is not AMI\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        assertTrue(client.isConnected());
        assertTrue(listener.disconnects.isEmpty());
    }

    @Test
    void eventClassMaskLetsOnlyThoseClassesThrough() throws Exception {
        simulator = AmiSimulator.start();
        SimulatorClients.RecordingListener listener = new SimulatorClients.RecordingListener();
        client = AmiClient.connect(admin(simulator).events("user").build(), listener);
        simulator.emitEvent("Newstate", Map.of("Privilege", "call,all", "Channel", "Local/100@demo-1;1"));
        simulator.emitEvent("UserEvent", Map.of("Privilege", "user,all", "UserEvent", "Masked"));
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.received("UserEvent"));
        assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        assertFalse(listener.received("Newstate"), listener.events.toString());
    }
}
