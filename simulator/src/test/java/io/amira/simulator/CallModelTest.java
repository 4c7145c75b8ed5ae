package io.amira.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls, actions on live channels, event classes and filters, the legacy Command form, AstDB, queues. */
class CallModelTest {
    private AmiSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private RawAmiClient login(String user, String secret, String events) throws IOException {
        if (sim == null) {
            sim = AmiSimulator.start();
        }
        RawAmiClient c = new RawAmiClient(sim);
        c.readBanner();
        c.action("Action", "Login", "ActionID", "login", "Username", user, "Secret", secret, "Events", events);
        assertEquals("Success", RawAmiClient.get(c.readUntil("ActionID", "login"), "Response"));
        return c;
    }

    private RawAmiClient admin(String events) throws IOException {
        return login("admin", "amp111", events);
    }

    @ParameterizedTest
    @CsvSource({"Local/busy@sim, 5", "Local/congested@sim, 8", "Local/noanswer@sim, 1", "Local/999@demo, 0",
        "NoSuchTech/foo, 0"})
    void asyncOriginateReportsTheReason(String channel, String reason) throws IOException {
        try (RawAmiClient c = admin("call")) {
            c.action("Action", "Originate", "ActionID", "o", "Channel", channel, "Application", "Wait", "Data", "1",
                    "Async", "true", "Timeout", "700");
            assertEquals("Originate successfully queued", RawAmiClient.get(c.readUntil("ActionID", "o"), "Message"));
            List<String[]> r = c.readUntil("Event", "OriginateResponse");
            assertEquals("Failure", RawAmiClient.get(r, "Response"));
            assertEquals(reason, RawAmiClient.get(r, "Reason"));
            assertEquals("o", RawAmiClient.get(r, "ActionID"));
            await().until(() -> sim.channelCount() == 0);
        }
    }

    @Test
    void channelIdSetsTheUniqueids() throws IOException {
        try (RawAmiClient c = admin("call")) {
            c.action("Action", "Originate", "ActionID", "o", "Channel", "Local/100@demo", "Application", "Wait",
                    "Data", "1", "Async", "true", "ChannelId", "my-call-1", "OtherChannelId", "my-call-2");
            List<String[]> r = c.readUntil("Event", "OriginateResponse");
            assertEquals("my-call-1", RawAmiClient.get(r, "Uniqueid"));
            List<String[]> h = c.readUntil("Event", "Hangup");
            assertEquals("my-call-2", RawAmiClient.get(h, "Uniqueid"));
            assertEquals("my-call-1", RawAmiClient.get(h, "Linkedid"));
        }
    }

    @Test
    void syncOriginateFailsWithAsteriskWording() throws IOException {
        try (RawAmiClient c = admin("off")) {
            c.action("Action", "Originate", "ActionID", "o", "Channel", "Local/busy@sim", "Application", "Wait", "Data", "1");
            List<String[]> r = c.readUntil("ActionID", "o");
            assertEquals("Error", RawAmiClient.get(r, "Response"));
            assertEquals("Originate failed", RawAmiClient.get(r, "Message"));
        }
    }

    private static String originate200(RawAmiClient c) throws IOException {
        c.action("Action", "Originate", "ActionID", "o", "Channel", "Local/200@demo", "Application", "Wait", "Data", "30",
                "Async", "true");
        List<String[]> r = c.readUntil("Event", "OriginateResponse");
        assertEquals("4", RawAmiClient.get(r, "Reason"));
        return RawAmiClient.get(r, "Channel");
    }

    @Test
    void hangupEndsALiveCall() throws IOException {
        try (RawAmiClient c = admin("call")) {
            String channel = originate200(c);
            c.action("Action", "Hangup", "ActionID", "h", "Channel", channel, "Cause", "16");
            assertEquals("Channel Hungup", RawAmiClient.get(c.readUntil("ActionID", "h"), "Message"));
            List<String[]> hangup = c.readUntil("Event", "Hangup");
            assertEquals("16", RawAmiClient.get(hangup, "Cause"));
            assertEquals("Normal Clearing", RawAmiClient.get(hangup, "Cause-txt"));
            await().until(() -> sim.channelCount() == 0);
        }
    }

    @Test
    void redirectMovesTheChannelInTheDialplan() throws IOException {
        try (RawAmiClient c = admin("call,dialplan,user")) {
            String one = originate200(c);
            String two = one.replace(";1", ";2");
            c.action("Action", "Redirect", "ActionID", "r", "Channel", two, "Context", "demo", "Exten", "100", "Priority", "1");
            assertEquals("Redirect successful", RawAmiClient.get(c.readUntil("ActionID", "r"), "Message"));
            List<String[]> ev = c.readUntil("Event", "UserEvent");
            assertEquals("Demo", RawAmiClient.get(ev, "UserEvent"));
            assertEquals("bar", RawAmiClient.get(ev, "Foo"));
            assertEquals(two, RawAmiClient.get(ev, "Channel"));
            c.action("Action", "Redirect", "ActionID", "bad", "Channel", "Local/none-00000000;1", "Context", "demo",
                    "Exten", "100", "Priority", "1");
            assertEquals("Channel does not exist: Local/none-00000000;1",
                    RawAmiClient.get(c.readUntil("ActionID", "bad"), "Message"));
        }
    }

    @Test
    void dualRedirectMovesBothChannels() throws IOException {
        try (RawAmiClient c = admin("dialplan")) {
            RawAmiClient calls = admin("call");
            String one = originate200(calls);
            calls.close();
            String two = one.replace(";1", ";2");
            c.action("Action", "Redirect", "ActionID", "r", "Channel", two, "ExtraChannel", one,
                    "Context", "demo", "Exten", "900", "Priority", "1", "ExtraContext", "demo", "ExtraExten", "901",
                    "ExtraPriority", "1");
            assertEquals("Dual Redirect successful", RawAmiClient.get(c.readUntil("ActionID", "r"), "Message"));
            java.util.Map<String, String> extenByChannel = new java.util.HashMap<>();
            while (extenByChannel.size() < 2) {
                List<String[]> p = c.readUntil("Event", "Newexten");
                extenByChannel.put(RawAmiClient.get(p, "Channel"), RawAmiClient.get(p, "Extension"));
            }
            assertEquals(java.util.Map.of(two, "900", one, "901"), extenByChannel);
        }
    }

    @Test
    void setvarAndGetvarOnALiveChannel() throws IOException {
        try (RawAmiClient c = admin("call,dialplan")) {
            String channel = originate200(c);
            c.action("Action", "Setvar", "ActionID", "s", "Channel", channel, "Variable", "COLOR", "Value", "blue");
            assertEquals("Variable Set", RawAmiClient.get(c.readUntil("ActionID", "s"), "Message"));
            List<String[]> varSet = c.readUntil("Variable", "COLOR");
            assertEquals("VarSet", RawAmiClient.get(varSet, "Event"));
            c.action("Action", "Getvar", "ActionID", "g", "Channel", channel, "Variable", "COLOR");
            assertEquals("blue", RawAmiClient.get(c.readUntil("ActionID", "g"), "Value"));
            c.action("Action", "Getvar", "ActionID", "g2", "Channel", "Local/none-00000000;1", "Variable", "COLOR");
            assertEquals("No such channel", RawAmiClient.get(c.readUntil("ActionID", "g2"), "Message"));
        }
    }

    @Test
    void absoluteTimeoutHangsUpLater() throws IOException {
        try (RawAmiClient c = admin("call")) {
            String channel = originate200(c);
            c.action("Action", "AbsoluteTimeout", "ActionID", "t", "Channel", channel, "Timeout", "1");
            assertEquals("Timeout Set", RawAmiClient.get(c.readUntil("ActionID", "t"), "Message"));
            assertEquals(channel, RawAmiClient.get(c.readUntil("Event", "SoftHangupRequest"), "Channel"));
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.channelCount() == 0);
        }
    }

    @Test
    void readClassesEventMaskAndFiltersDecideWhatASessionSees() throws IOException {
        try (RawAmiClient admin = admin("on"); RawAmiClient limited = login("limited", "lim123", "on");
             RawAmiClient filtered = admin("on")) {
            filtered.action("Action", "Filter", "ActionID", "f", "Operation", "Add", "Filter", "Event: Hangup\\s");
            assertEquals("Filter Added Successfully", RawAmiClient.get(filtered.readUntil("ActionID", "f"), "Message"));
            admin.action("Action", "Originate", "ActionID", "o", "Channel", "Local/100@demo", "Application", "Wait",
                    "Data", "1", "Async", "true");
            admin.readUntil("Event", "UserEvent");
            admin.readUntil("Event", "Hangup");
            // limited reads class call only: no Newexten (dialplan), no UserEvent (user)
            List<String[]> p;
            do {
                p = limited.readPacket();
                String ev = RawAmiClient.get(p, "Event");
                assertTrue(!"Newexten".equals(ev) && !"UserEvent".equals(ev) && !"Cdr".equals(ev), ev);
                assertTrue(RawAmiClient.get(p, "Privilege").startsWith("call,"));
            } while (!"Hangup".equals(RawAmiClient.get(p, "Event")));
            do {
                p = filtered.readPacket();
                assertEquals("Hangup", RawAmiClient.get(p, "Event"));
            } while (!RawAmiClient.get(p, "Channel").endsWith(";1"));
        }
    }

    @Test
    void legacyCommandStyleAnswersFollowsWithRawBody() throws IOException {
        sim = AmiSimulator.start(SimulatorConfig.builder().commandStyle(CommandStyle.LEGACY).build());
        try (RawAmiClient c = admin("off")) {
            c.action("Action", "Command", "ActionID", "c", "Command", "core show version");
            assertEquals("Response: Follows\r\nPrivilege: Command\r\nActionID: c\r\n"
                    + "Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-22 21:24:12 UTC\n"
                    + "--END COMMAND--\r\n\r\n", c.readPacketText(Duration.ofSeconds(5)));
            c.action("Action", "Command", "ActionID", "c2", "Command", "core show channels");
            String text = c.readPacketText(Duration.ofSeconds(5));
            assertTrue(text.contains("\n0 active channels\n0 active calls\n0 calls processed\n--END COMMAND--\r\n\r\n"), text);
        }
    }

    @Test
    void astDbPutThenGet() throws IOException {
        try (RawAmiClient c = admin("off")) {
            c.action("Action", "DBPut", "ActionID", "p", "Family", "cidname", "Key", "5551000", "Val", "Long Call");
            assertEquals("Updated database successfully", RawAmiClient.get(c.readUntil("ActionID", "p"), "Message"));
            c.action("Action", "DBGet", "ActionID", "g", "Family", "cidname", "Key", "5551000");
            assertEquals("start", RawAmiClient.get(c.readUntil("ActionID", "g"), "EventList"));
            List<String[]> item = c.readPacket();
            assertEquals("DBGetResponse", RawAmiClient.get(item, "Event"));
            assertEquals("Long Call", RawAmiClient.get(item, "Val"));
            assertEquals("DBGetComplete", RawAmiClient.get(c.readPacket(), "Event"));
            c.action("Action", "DBGet", "ActionID", "n", "Family", "cidname", "Key", "nobody");
            assertEquals("Database entry not found", RawAmiClient.get(c.readUntil("ActionID", "n"), "Message"));
        }
    }

    @Test
    void queueMembersCanBeAddedPausedAndRemoved() throws IOException {
        try (RawAmiClient c = admin("agent")) {
            c.action("Action", "QueueAdd", "ActionID", "a", "Queue", "support", "Interface", "Local/902@demo",
                    "MemberName", "Agent902");
            assertEquals("Added interface to queue", RawAmiClient.get(c.readUntil("ActionID", "a"), "Message"));
            assertEquals("Agent902", RawAmiClient.get(c.readUntil("Event", "QueueMemberAdded"), "MemberName"));
            c.action("Action", "QueuePause", "ActionID", "p", "Interface", "Local/902@demo", "Paused", "true");
            assertEquals("Interface paused successfully", RawAmiClient.get(c.readUntil("ActionID", "p"), "Message"));
            assertEquals("1", RawAmiClient.get(c.readUntil("Event", "QueueMemberPause"), "Paused"));
            c.action("Action", "QueueAdd", "ActionID", "a2", "Queue", "support", "Interface", "Local/902@demo");
            assertEquals("Unable to add interface: Already there", RawAmiClient.get(c.readUntil("ActionID", "a2"), "Message"));
            c.action("Action", "QueueRemove", "ActionID", "r", "Queue", "support", "Interface", "Local/902@demo");
            assertEquals("Removed interface from queue", RawAmiClient.get(c.readUntil("ActionID", "r"), "Message"));
            c.action("Action", "QueueSummary", "ActionID", "s", "Queue", "support");
            c.readUntil("ActionID", "s");
            assertEquals("2", RawAmiClient.get(c.readUntil("Event", "QueueSummary"), "LoggedIn"));
        }
    }

    @Test
    void aQueueCallIsBridgedToAMember() throws IOException {
        try (RawAmiClient c = admin("agent,call")) {
            c.action("Action", "Originate", "ActionID", "q", "Channel", "Local/300@demo", "Application", "Wait",
                    "Data", "2", "Async", "true", "CallerID", "\"Queue Caller\" <5552000>");
            List<String> names = new java.util.ArrayList<>();
            List<String> callerEvents = new java.util.ArrayList<>();
            List<String[]> p;
            do {
                p = c.readPacket();
                names.add(String.valueOf(RawAmiClient.get(p, "Event")));
                if (String.valueOf(RawAmiClient.get(p, "Channel")).matches("Local/300@demo-[0-9a-f]{8};2")) {
                    callerEvents.add(RawAmiClient.get(p, "Event"));
                }
                if ("AgentConnect".equals(RawAmiClient.get(p, "Event"))) {
                    assertEquals("Agent901", RawAmiClient.get(p, "MemberName"));
                    assertEquals("5552000", RawAmiClient.get(p, "CallerIDNum"));
                }
                if ("AgentComplete".equals(RawAmiClient.get(p, "Event"))) {
                    assertEquals("caller", RawAmiClient.get(p, "Reason"));
                }
            } while (!callerEvents.contains("Hangup"));
            assertTrue(names.indexOf("QueueCallerJoin") < names.indexOf("BridgeEnter"), names.toString());
            // Asterisk 22 (recordings/queue-connect): AgentConnect, then BridgeCreate and BridgeEnter.
            assertTrue(names.indexOf("AgentConnect") < names.indexOf("BridgeCreate"), names.toString());
            assertTrue(names.indexOf("BridgeCreate") < names.indexOf("BridgeEnter"), names.toString());
            assertTrue(names.indexOf("BridgeLeave") > names.indexOf("AgentConnect"), names.toString());
            assertTrue(names.indexOf("AgentCalled") < names.indexOf("BridgeEnter")
                    && names.lastIndexOf("AgentCalled") < names.indexOf("BridgeEnter"), "both agents ring first: " + names);
            assertTrue(callerEvents.indexOf("BridgeLeave") >= 0
                    && callerEvents.indexOf("BridgeLeave") < callerEvents.indexOf("Hangup"),
                    "the caller leaves the bridge before it hangs up: " + callerEvents);
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.channelCount() == 0);
        }
    }

    @Test
    void coreStatusCountsCalls() throws IOException {
        try (RawAmiClient c = admin("call")) {
            originate200(c);
            c.action("Action", "CoreStatus", "ActionID", "s");
            assertEquals("1", RawAmiClient.get(c.readUntil("ActionID", "s"), "CoreCurrentCalls"));
        }
    }

    @Test
    void authLimitClosesExtraUnauthenticatedSessions() throws IOException {
        sim = AmiSimulator.start(SimulatorConfig.builder().authLimit(1).build());
        try (RawAmiClient first = new RawAmiClient(sim); RawAmiClient second = new RawAmiClient(sim)) {
            assertEquals("Asterisk Call Manager/11.0.0\r\n", first.readBanner());
            assertTrue(second.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void authTimeoutClosesSessionsThatNeverLogIn() throws IOException {
        sim = AmiSimulator.start(SimulatorConfig.builder().authTimeout(Duration.ofMillis(300)).build());
        try (RawAmiClient idle = new RawAmiClient(sim); RawAmiClient active = admin("off")) {
            idle.readBanner();
            assertTrue(idle.closedWithin(Duration.ofSeconds(5)));
            active.action("Action", "Ping", "ActionID", "p");
            assertEquals("Pong", RawAmiClient.get(active.readUntil("ActionID", "p"), "Ping"));
        }
    }

    @Test
    void placeCallRaisesTheCallsEvents() throws IOException {
        try (RawAmiClient c = admin("user")) {
            sim.placeCall("Local/100@demo", "Wait", "1");
            assertEquals("Demo", RawAmiClient.get(c.readUntil("Event", "UserEvent"), "UserEvent"));
        }
    }

    @Test
    void aRestartEndsTheCalls() throws IOException {
        try (RawAmiClient c = admin("call")) {
            originate200(c);
            assertEquals(2, sim.channelCount());
            sim.refuseConnections(Duration.ofMillis(200));
            assertEquals(0, sim.channelCount());
        }
    }

    @Test
    void oversizeClientLineIsDroppedLikeAsterisk() throws IOException {
        try (RawAmiClient c = admin("off")) {
            c.send("Action: Ping\r\nActionID: big\r\nX-Long: " + "y".repeat(2000) + "\r\n\r\n");
            assertEquals("Pong", RawAmiClient.get(c.readUntil("ActionID", "big"), "Ping"));
            c.send("Action: Ping\nActionID: lf\n\n");
            assertEquals("Pong", RawAmiClient.get(c.readUntil("ActionID", "lf"), "Ping"));
        }
    }

    @Test
    void tlsServesTheSameProtocol() throws IOException {
        sim = AmiSimulator.start(SimulatorConfig.builder().tls(true).build());
        try (RawAmiClient c = new RawAmiClient(sim, true)) {
            assertEquals("Asterisk Call Manager/11.0.0\r\n", c.readBanner());
            c.send("Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: off\r\n\r\n");
            assertEquals("Authentication accepted", RawAmiClient.get(c.readPacket(), "Message"));
            assertThrows(SocketTimeoutException.class, () -> c.readPacketText(Duration.ofMillis(100)));
        }
        assertTrue(new String(java.nio.file.Files.readAllBytes(sim.trustStorePath()), StandardCharsets.ISO_8859_1).length() > 0);
        assertNull(AmiSimulatorHolder.none());
    }

    /** A simulator without TLS exposes no trust store. */
    static final class AmiSimulatorHolder {
        static String none() throws IOException {
            try (AmiSimulator plain = AmiSimulator.start()) {
                return plain.trustStorePassword();
            }
        }
    }
}
