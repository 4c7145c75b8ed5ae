package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers of any size, as a production PBX gives them (issue 12): Command output of 200,000 lines
 * in both forms, a CoreShowChannels of 200,000 items, an event of 10,000 headers, a line longer
 * than any limit; each is followed by ordinary traffic on the same session.
 */
class HugeAnswersTest {
    private AmiSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void dialplanShowOfAGeneratedContextAnswers200003OutputLines() throws IOException {
        sim = AmiSimulator.start(config().generatedContext("big", 50_000).build());
        try (Reader r = login("off")) {
            r.send("Action: Command\r\nActionID: dp\r\nCommand: dialplan show big\r\n\r\n");
            List<String> head = new ArrayList<>();
            String last = null;
            int outputs = 0;
            String line;
            while (!(line = r.line()).isEmpty()) {
                if (head.size() < 8) {
                    head.add(line);
                }
                if (line.startsWith("Output: ")) {
                    outputs++;
                    last = line;
                }
            }
            assertEquals(List.of("Response: Success", "ActionID: dp", "Message: Command output follows",
                    "Output: [ Context 'big' created by 'pbx_config' ]",
                    "Output:   '200000' =>       1. NoOp(Phone 200000)                         [extensions.conf:101]",
                    "Output:                     2. Dial(PJSIP/200000,30,tT)                   [extensions.conf:102]",
                    "Output:                     3. VoiceMail(200000@default,u)                [extensions.conf:103]",
                    "Output:                     4. Hangup()                                   [extensions.conf:104]"),
                    head);
            assertEquals(200_003, outputs);
            assertEquals("Output: -= 50000 extensions (200000 priorities) in 1 context. =-", last);
            r.assertPingAnswered();
        }
    }

    @Test
    void theLegacyFormStreamsTheSameLinesAsARawBody() throws IOException {
        sim = AmiSimulator.start(config().commandStyle(CommandStyle.LEGACY)
                .generatedContext("big", 50_000).build());
        try (Reader r = login("off")) {
            r.send("Action: Command\r\nActionID: dp\r\nCommand: dialplan show big\r\n\r\n");
            assertEquals("Response: Follows", r.line());
            assertEquals("Privilege: Command", r.line());
            assertEquals("ActionID: dp", r.line());
            int body = 0;
            String line;
            while (!(line = r.line()).equals("--END COMMAND--")) {
                body++;
            }
            assertEquals(200_003, body);
            assertEquals("", r.line());
            r.assertPingAnswered();
        }
    }

    @Test
    void coreShowChannelsLists200000Channels() throws IOException {
        sim = AmiSimulator.start(config().upChannels(200_000).build());
        assertEquals(200_000, sim.channelCount());
        try (Reader r = login("off")) {
            r.send("Action: CoreShowChannels\r\nActionID: csc\r\n\r\n");
            assertEquals("EventList: start", r.packet().get(2));
            List<String> first = r.packet();
            assertEquals("Event: CoreShowChannel", first.get(0));
            assertTrue(first.get(2).startsWith("Channel: PJSIP/phone000001-"), first.toString());
            assertTrue(first.contains("Application: Echo") && first.contains("ChannelStateDesc: Up"), first.toString());
            int items = 1;
            List<String> p;
            while ((p = r.packet()).get(0).equals("Event: CoreShowChannel")) {
                items++;
            }
            assertEquals(200_000, items);
            assertEquals(List.of("Event: CoreShowChannelsComplete", "ActionID: csc", "EventList: Complete",
                    "ListItems: 200000"), p);
            r.assertPingAnswered();
        }
    }

    @Test
    void upChannelsAddedAtRuntimeAreAnnouncedThenListed() throws Exception {
        sim = AmiSimulator.start(config().build());
        try (Reader r = login("call")) {
            sim.addUpChannels(3);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                List<String> p = r.packet();
                String value = p.get(2).substring(p.get(2).indexOf(": ") + 2);
                events.add(p.get(0).substring(7) + " " + value.substring(0, 17));
            }
            assertEquals(List.of("Newchannel PJSIP/phone000001", "Newstate PJSIP/phone000001",
                    "DeviceStateChange PJSIP/phone000001", "Newchannel PJSIP/phone000002", "Newstate PJSIP/phone000002",
                    "DeviceStateChange PJSIP/phone000002", "Newchannel PJSIP/phone000003", "Newstate PJSIP/phone000003",
                    "DeviceStateChange PJSIP/phone000003"), events);
            r.send("Action: CoreShowChannels\r\nActionID: csc\r\n\r\n");
            assertEquals("Response: Success", r.packet().get(0));
            int items = 0;
            while (!r.packet().get(0).equals("Event: CoreShowChannelsComplete")) {
                items++;
            }
            assertEquals(3, items);
        }
    }

    @Test
    void anEventOf10000HeadersIsFollowedByOrdinaryTraffic() throws IOException {
        sim = AmiSimulator.start(config().build());
        try (Reader r = login("off")) {
            sim.injectWideEvent(10_000);
            List<String> wide = r.packet();
            assertEquals(10_000, wide.size());
            assertEquals(List.of("Event: UserEvent", "Privilege: user,all", "UserEvent: Wide", "Header00001: value00001"),
                    wide.subList(0, 4));
            assertEquals("Header09997: value09997", wide.get(9_999));
            assertEquals(List.of("Event: UserEvent", "Privilege: user,all", "UserEvent: AmiraSimResync", "After: WideEvent"),
                    r.packet());
            r.assertPingAnswered();
        }
    }

    @Test
    void aLineLongerThanAnyLimitIsFollowedByOrdinaryTraffic() throws IOException {
        sim = AmiSimulator.start(config().build());
        try (Reader r = login("off")) {
            sim.injectOversizeLine(1_000_000);
            List<String> big = r.packet();
            assertEquals(1_000_000, big.get(2).length());
            assertTrue(big.get(2).startsWith("Oversize: xxx"));
            assertEquals("After: OversizeLine", r.packet().get(3));
            r.assertPingAnswered();
        }
    }

    /**
     * This test's reader parses byte by byte and may be descheduled on a loaded machine: a generous
     * slow-reader timeout keeps the simulator from dropping it (Asterisk's 100 ms would).
     */
    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().slowReaderTimeout(Duration.ofSeconds(30));
    }

    private Reader login(String events) throws IOException {
        Reader r = new Reader(new Socket(sim.host(), sim.port()));
        r.line();
        r.send("Action: Login\r\nActionID: l\r\nUsername: admin\r\nSecret: amp111\r\nEvents: " + events + "\r\n\r\n");
        assertEquals("Response: Success", r.packet().get(0));
        return r;
    }

    /** A buffered line reader for answers of hundreds of megabytes. */
    private static final class Reader implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        Reader(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(30_000);
            this.in = new BufferedInputStream(socket.getInputStream(), 256 * 1024);
            this.out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** The next line without its CRLF (or LF). */
        String line() throws IOException {
            line.reset();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                line.write(c);
            }
            int n = line.size();
            byte[] b = line.toByteArray();
            return new String(b, 0, n > 0 && b[n - 1] == '\r' ? n - 1 : n, StandardCharsets.UTF_8);
        }

        /** The next packet's lines, skipping FullyBooted. */
        List<String> packet() throws IOException {
            while (true) {
                List<String> lines = new ArrayList<>();
                String l;
                while (!(l = line()).isEmpty()) {
                    lines.add(l);
                }
                if (!lines.isEmpty() && !lines.get(0).equals("Event: FullyBooted")) {
                    return lines;
                }
            }
        }

        void assertPingAnswered() throws IOException {
            send("Action: Ping\r\nActionID: after\r\n\r\n");
            List<String> p;
            do {
                p = packet();
            } while (!p.contains("ActionID: after"));
            assertTrue(p.contains("Ping: Pong"), p.toString());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
