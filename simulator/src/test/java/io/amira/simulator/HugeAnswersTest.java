package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
            assertEquals("EventList: start", r.lines().get(2));
            List<String> first = r.lines();
            assertEquals("Event: CoreShowChannel", first.get(0));
            assertTrue(first.get(2).startsWith("Channel: PJSIP/phone000001-"), first.toString());
            assertTrue(first.contains("Application: Echo") && first.contains("ChannelStateDesc: Up"), first.toString());
            int items = 1;
            List<String> p;
            while ((p = r.lines()).get(0).equals("Event: CoreShowChannel")) {
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
                List<String> p = r.lines();
                String value = p.get(2).substring(p.get(2).indexOf(": ") + 2);
                events.add(p.get(0).substring(7) + " " + value.substring(0, 17));
            }
            assertEquals(List.of("Newchannel PJSIP/phone000001", "Newstate PJSIP/phone000001",
                    "DeviceStateChange PJSIP/phone000001", "Newchannel PJSIP/phone000002", "Newstate PJSIP/phone000002",
                    "DeviceStateChange PJSIP/phone000002", "Newchannel PJSIP/phone000003", "Newstate PJSIP/phone000003",
                    "DeviceStateChange PJSIP/phone000003"), events);
            r.send("Action: CoreShowChannels\r\nActionID: csc\r\n\r\n");
            assertEquals("Response: Success", r.lines().get(0));
            int items = 0;
            while (!r.lines().get(0).equals("Event: CoreShowChannelsComplete")) {
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
            List<String> wide = r.lines();
            assertEquals(10_000, wide.size());
            assertEquals(List.of("Event: UserEvent", "Privilege: user,all", "UserEvent: Wide", "Header00001: value00001"),
                    wide.subList(0, 4));
            assertEquals("Header09997: value09997", wide.get(9_999));
            assertEquals(List.of("Event: UserEvent", "Privilege: user,all", "UserEvent: AmiraSimResync", "After: WideEvent"),
                    r.lines());
            r.assertPingAnswered();
        }
    }

    @Test
    void aLineLongerThanAnyLimitIsFollowedByOrdinaryTraffic() throws IOException {
        sim = AmiSimulator.start(config().build());
        try (Reader r = login("off")) {
            sim.injectOversizeLine(1_000_000);
            List<String> big = r.lines();
            assertEquals(1_000_000, big.get(2).length());
            assertTrue(big.get(2).startsWith("Oversize: xxx"));
            assertEquals("After: OversizeLine", r.lines().get(3));
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
        Reader r = new Reader(sim);
        r.login(events);
        return r;
    }

    private static final class Reader extends BufferedSession {
        Reader(AmiSimulator sim) throws IOException {
            super(sim);
        }

        void assertPingAnswered() throws IOException {
            send("Action: Ping\r\nActionID: after\r\n\r\n");
            List<String> p;
            do {
                p = lines();
            } while (!p.contains("ActionID: after"));
            assertTrue(p.contains("Ping: Pong"), p.toString());
        }
    }
}
