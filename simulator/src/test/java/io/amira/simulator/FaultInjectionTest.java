package io.amira.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per fault, each showing the effect on a plain socket client. */
class FaultInjectionTest {
    private AmiSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = AmiSimulator.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RawAmiClient login(String events) throws IOException {
        RawAmiClient c = new RawAmiClient(sim);
        c.readBanner();
        c.action("Action", "Login", "ActionID", "login", "Username", "admin", "Secret", "amp111", "Events", events);
        assertEquals("Success", RawAmiClient.get(c.readUntil("ActionID", "login"), "Response"));
        return c;
    }

    private static void ping(RawAmiClient c, String id) throws IOException {
        c.action("Action", "Ping", "ActionID", id);
        assertEquals("Pong", RawAmiClient.get(c.readUntil("ActionID", id), "Ping"));
    }

    @Test
    void dropAllConnectionsClosesEverySession() throws IOException {
        try (RawAmiClient a = login("off"); RawAmiClient b = login("off")) {
            await().until(() -> sim.activeSessions() == 2);
            sim.dropAllConnections();
            assertTrue(a.closedWithin(Duration.ofSeconds(5)));
            assertTrue(b.closedWithin(Duration.ofSeconds(5)));
            await().until(() -> sim.activeSessions() == 0);
        }
        try (RawAmiClient again = login("off")) {
            ping(again, "p");
        }
    }

    @Test
    void refuseConnectionsIsARestart() throws IOException {
        int port = sim.port();
        try (RawAmiClient a = login("off")) {
            sim.refuseConnections(Duration.ofSeconds(3));
            assertTrue(a.closedWithin(Duration.ofSeconds(5)));
            assertThrows(ConnectException.class, () -> new Socket(sim.host(), port).close());
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
                new Socket(sim.host(), port).close();
                return true;
            });
        }
        try (RawAmiClient b = login("off")) {
            ping(b, "after-restart");
        }
        assertEquals(port, sim.port());
    }

    @Test
    void stopListeningKeepsSessionsAndStartListeningReusesThePort() throws IOException {
        int port = sim.port();
        try (RawAmiClient a = login("off")) {
            sim.stopListening();
            assertThrows(ConnectException.class, () -> new Socket(sim.host(), port).close());
            ping(a, "still-alive");
            sim.startListening();
            try (RawAmiClient b = login("off")) {
                ping(b, "new");
            }
        }
        assertEquals(port, sim.port());
    }

    @Test
    void hangStopsRepliesUntilReleased() throws IOException {
        try (RawAmiClient c = login("off")) {
            sim.hang(true);
            c.action("Action", "Ping", "ActionID", "hung");
            assertThrows(SocketTimeoutException.class, () -> c.readPacketText(Duration.ofMillis(500)));
            sim.hang(false);
            assertEquals("Pong", RawAmiClient.get(c.readUntil("ActionID", "hung"), "Ping"));
        }
    }

    @Test
    void delayResponsesDelaysEveryReply() throws IOException {
        try (RawAmiClient c = login("off")) {
            sim.delayResponses(Duration.ofMillis(400));
            long start = System.nanoTime();
            ping(c, "slow");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos());
            sim.delayResponses(Duration.ZERO);
            ping(c, "fast");
        }
    }

    @Test
    void injectGarbageWritesTheBytesBetweenPackets() throws IOException {
        try (RawAmiClient c = login("off")) {
            sim.injectGarbage("\u0000\u0001garbage without end of line".getBytes(StandardCharsets.ISO_8859_1));
            c.action("Action", "Ping", "ActionID", "after-garbage");
            String text = c.readPacketText(Duration.ofSeconds(5));
            assertTrue(text.startsWith("\u0000\u0001garbage without end of lineResponse: Success\r\nActionID: after-garbage"), text);
        }
    }

    @Test
    void splitWritesCutsPacketsIntoSmallSegments() throws IOException {
        try (RawAmiClient c = login("off")) {
            sim.splitWrites(16);
            // On a loaded machine the reader may wake only after every piece arrived, and one read
            // then gets them all: at least one of several answers must come in pieces.
            boolean cut = false;
            for (int attempt = 0; attempt < 10 && !cut; attempt++) {
                c.action("Action", "ListCommands", "ActionID", "lc");
                byte[] buf = new byte[65536];
                int first = c.in().read(buf);
                int total = first;
                String text = new String(buf, 0, first, StandardCharsets.UTF_8);
                while (!text.endsWith("\r\n\r\n")) {
                    int n = c.in().read(buf);
                    total += n;
                    text += new String(buf, 0, n, StandardCharsets.UTF_8);
                }
                cut = first < total;
                assertTrue(text.startsWith("Response: Success\r\nActionID: lc\r\nAbsoluteTimeout: "), text);
                assertTrue(text.contains("WaitEvent: Wait for an event to occur.  (Priv: <none>)\r\n\r\n"));
            }
            assertTrue(cut, "the first read got only part of the packet");
        }
    }

    @Test
    void injectOversizeLineSendsOneLineOfThatLength() throws IOException {
        try (RawAmiClient c = login("off")) {
            sim.injectOversizeLine(5000);
            String text = c.readPacketText(Duration.ofSeconds(5));
            String[] lines = text.split("\r\n");
            assertEquals("Event: Oversize", lines[0]);
            assertEquals(5000, lines[2].length());
            ping(c, "after-oversize");
        }
    }

    @Test
    void slowReaderIsDisconnectedLikeAsteriskWriteTimeout() throws IOException {
        try (RawAmiClient reader = login("on")) {
            Flood flood = sim.flood(FloodSpec.flatOut(0));
            // The client reads nothing: once the socket buffers are full, a write blocks > 100 ms.
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.activeSessions() == 0);
            assertTrue(reader.closedWithin(Duration.ofSeconds(10)));
            assertTrue(flood.isDone());
            flood.stop();
        }
    }

    @Test
    void slowReaderTimeoutZeroKeepsASlowReader() throws IOException {
        sim.slowReaderTimeout(Duration.ZERO);
        try (RawAmiClient reader = login("on")) {
            Flood flood = sim.flood(FloodSpec.flatOut(0));
            await().atMost(Duration.ofSeconds(10)).until(() -> flood.sent() > 1000);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> sim.activeSessions() == 1);
            flood.stop();
        }
    }

    @Test
    void floodAtARateIsPaced() throws Exception {
        try (RawAmiClient reader = login("user")) {
            long start = System.nanoTime();
            Flood flood = sim.flood(FloodSpec.atRate(2000, 1000));
            assertEquals(1000, countEvents(reader, 1000));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(flood.awaitDone(Duration.ofSeconds(5)));
            assertEquals(1000, flood.sent());
            assertTrue(elapsedMillis >= 400, "1000 events at 2000/s took " + elapsedMillis + " ms");
        }
    }

    @Test
    void floodFlatOutSendsExactlyTheCountToEachReader() throws Exception {
        try (RawAmiClient a = login("user"); RawAmiClient b = login("user"); RawAmiClient off = login("off")) {
            Flood flood = sim.flood(FloodSpec.flatOut(50_000));
            assertEquals(50_000, countEvents(a, 50_000));
            assertEquals(50_000, countEvents(b, 50_000));
            assertTrue(flood.awaitDone(Duration.ofSeconds(5)));
            assertEquals(100_000, flood.sent());
            assertThrows(SocketTimeoutException.class, () -> off.readPacketText(Duration.ofMillis(200)));
        }
    }

    @Test
    void floodSpreadOverCallsKeepsEachCallsSeqCountingAcrossPacedSlices() throws Exception {
        try (RawAmiClient reader = login("user")) {
            Flood flood = sim.flood(FloodSpec.builder().calls(7).ratePerSecond(20_000).count(3_000).build());
            int[] next = new int[7];
            for (int i = 0; i < 3_000; i++) {
                List<String[]> event = reader.readPacket();
                assertEquals("UserEvent", RawAmiClient.get(event, "Event"));
                assertEquals("Flood", RawAmiClient.get(event, "UserEvent"));
                int call = i % 7;
                assertEquals(String.format("flood-%06d", call), RawAmiClient.get(event, "Linkedid"));
                assertEquals(next[call], Integer.parseInt(RawAmiClient.get(event, "Seq")), "event " + i);
                next[call] = (next[call] + 1) % flood.seqPeriod();
            }
            assertTrue(flood.awaitDone(Duration.ofSeconds(5)));
            assertTrue(flood.seqPeriod() > 2);
        }
    }

    @Test
    void emitEventReachesOnlySessionsAllowedToReadIt() throws IOException {
        try (RawAmiClient all = login("on"); RawAmiClient callOnly = new RawAmiClient(sim)) {
            callOnly.readBanner();
            callOnly.action("Action", "Login", "ActionID", "l", "Username", "limited", "Secret", "lim123");
            callOnly.readUntil("ActionID", "l");
            sim.emitEvent("AgentLogin", java.util.Map.of("Privilege", "agent,all", "Agent", "1001"));
            sim.emitEvent("Newstate", java.util.Map.of("Privilege", "call,all", "Channel", "PJSIP/1-1"));
            List<String[]> first = all.readUntil("Event", "AgentLogin");
            assertEquals("agent,all", RawAmiClient.get(first, "Privilege"));
            List<String[]> call = callOnly.readPacket();
            assertEquals("Newstate", RawAmiClient.get(call, "Event"));
            assertEquals("call,all", RawAmiClient.get(call, "Privilege"));
        }
    }

    @Test
    void countersCountSessionsLoginsAndActions() throws IOException {
        try (RawAmiClient c = login("off")) {
            ping(c, "1");
            ping(c, "2");
            c.action("Action", "Logoff");
            assertTrue(c.closedWithin(Duration.ofSeconds(5)));
        }
        assertEquals(1, sim.sessionsAccepted());
        assertEquals(1, sim.logins());
        assertEquals(2, sim.actionsReceived("Ping"));
        assertEquals(2, sim.actionsReceived("ping"));
        assertEquals(4, sim.actionsReceived());
        await().until(() -> sim.activeSessions() == 0);
    }

    @Test
    void closeStopsTheServer() throws IOException {
        int port = sim.port();
        try (RawAmiClient c = login("off")) {
            sim.close();
            assertTrue(c.closedWithin(Duration.ofSeconds(5)));
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
            assertEquals(0, sim.activeSessions());
        }
    }

    /** Counts packets (blank-line terminated) until n arrived; reads nothing else. */
    static long countEvents(RawAmiClient c, long n) throws IOException {
        c.socket().setSoTimeout(10_000);
        byte[] buf = new byte[64 * 1024];
        PacketEnds ends = new PacketEnds();
        long count = 0;
        while (count < n) {
            int len = c.in().read(buf);
            if (len < 0) {
                break;
            }
            count += ends.count(buf, len);
        }
        return count;
    }
}
