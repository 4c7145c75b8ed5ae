package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amira.api.AmiEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptDecodingTest {

    /** Packets per transcript, counted as CRLF CRLF sequences in the recordings. */
    private static final Map<String, Integer> PACKETS = Map.ofEntries(
            Map.entry("00-nc-quickcheck.rx", 5), Map.entry("01-login-success.rx", 3),
            Map.entry("02-login-failure.rx", 1), Map.entry("02b-login-unknown-user.rx", 1),
            Map.entry("02c-action-before-login.rx", 2), Map.entry("03-challenge-md5-login.rx", 3),
            Map.entry("03b-challenge-md5-login-bad-key.rx", 2), Map.entry("04-list-actions.rx", 47),
            Map.entry("05-command.rx", 8), Map.entry("06-originate-async-events.rx", 36),
            Map.entry("07-errors.rx", 9), Map.entry("09-originate-sync.rx", 3),
            Map.entry("10-permissions-readonly.rx", 6), Map.entry("10b-permissions-limited.rx", 10),
            Map.entry("11-tls-login.rx", 3), Map.entry("12-events-action-userevent.rx", 7));

    static List<String> transcripts() {
        return Transcripts.RX;
    }

    static CollectingSink decodeWhole(byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(bytes), sink);
        return sink;
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void everyTranscriptDecodesToTheExpectedPacketsAsTheNaiveReadingDoes(String name) throws Exception {
        byte[] bytes = Transcripts.bytes(name);
        CollectingSink sink = decodeWhole(bytes);

        assertEquals(List.of("Asterisk Call Manager/11.0.0"), sink.banners, name);
        assertEquals(PACKETS.get(name), sink.messages.size(), name);
        List<List<String[]>> expected = Transcripts.naivePackets(bytes);
        assertEquals(expected.size() - 1, sink.messages.size(), name);
        for (int p = 0; p < sink.messages.size(); p++) {
            AmiMessage m = sink.messages.get(p);
            List<String[]> headers = expected.get(p + 1);
            assertEquals(headers.size(), m.size(), name + " packet " + p);
            for (int i = 0; i < headers.size(); i++) {
                assertEquals(headers.get(i)[0], m.headerName(i), name + " packet " + p + " header " + i);
                assertEquals(headers.get(i)[1], m.headerValue(i), name + " packet " + p + " header " + i);
            }
            assertTrue(m.kind() != AmiMessage.Kind.OTHER, name + " packet " + p + " has a Response or Event");
            assertFalse(m.isLegacyCommandOutput());
        }
    }

    @Test
    void loginResponseAndEventsAreClassifiedWithTheirNamesAndActionIds() throws Exception {
        List<AmiMessage> m = decodeWhole(Transcripts.bytes("06-originate-async-events.rx")).messages;
        AmiMessage login = m.get(0);
        assertEquals(AmiMessage.Kind.RESPONSE, login.kind());
        assertEquals("Success", login.responseOrEventName());
        assertEquals("1", login.actionId());
        assertEquals("Authentication accepted", login.get("message"));

        List<String> events = m.stream().filter(AmiMessage::isEvent).map(AmiMessage::responseOrEventName)
                .distinct().collect(Collectors.toList());
        assertTrue(events.containsAll(List.of("FullyBooted", "Newchannel", "Newexten", "VarSet", "NewCallerid",
                "LocalBridge", "DialBegin", "DialEnd", "Newstate", "OriginateResponse", "UserEvent",
                "SoftHangupRequest", "HangupRequest", "Hangup", "Cdr", "DeviceStateChange")), events.toString());

        AmiMessage newchannel = m.stream().filter(x -> "Newchannel".equals(x.responseOrEventName())).findFirst()
                .orElseThrow();
        assertEquals("", newchannel.get("AccountCode"), "empty values are kept");
        assertEquals("Local/100@demo-00000001;1", newchannel.get("CHANNEL"), "names are case-insensitive");
        assertNull(newchannel.actionId());
        assertNull(newchannel.get("NoSuchHeader"));

        AmiMessage originate = m.stream().filter(x -> "OriginateResponse".equals(x.responseOrEventName()))
                .findFirst().orElseThrow();
        assertEquals("orig-1", originate.actionId());
    }

    @Test
    void headerNamesAreSharedInstancesNotAllocatedPerPacket() throws Exception {
        AmiDecoder decoder = new AmiDecoder();
        CollectingSink sink = new CollectingSink();
        decoder.decode(ByteBuffer.wrap(Transcripts.bytes("06-originate-async-events.rx")), sink);
        List<AmiMessage> newchannels = sink.messages.stream()
                .filter(x -> "Newchannel".equals(x.responseOrEventName())).collect(Collectors.toList());
        assertTrue(newchannels.size() >= 2);
        for (int i = 0; i < newchannels.get(0).size(); i++) {
            assertSame(newchannels.get(0).headerName(i), newchannels.get(1).headerName(i));
        }
        assertSame("Event", newchannels.get(0).headerName(0), "common names are the literal constants");
    }

    @Test
    void commandOutputLinesOfTheModernFormKeepOrderSpacesAndEmptyLines() throws Exception {
        List<AmiMessage> m = decodeWhole(Transcripts.bytes("05-command.rx")).messages;
        AmiMessage channels = m.get(1);
        assertEquals("cmd1", channels.actionId());
        assertEquals("Command output follows", channels.get("Message"));
        assertEquals(4, channels.outputLines().size());
        assertTrue(channels.outputLines().get(0).startsWith("Channel "));
        assertTrue(channels.outputLines().get(0).endsWith("Application(Data)             "),
                "trailing spaces kept");
        assertEquals(List.of("0 active channels", "0 active calls", "0 calls processed"),
                channels.outputLines().subList(1, 4));

        AmiMessage unknown = m.get(3);
        assertEquals("Error", unknown.responseOrEventName());
        assertEquals(1, unknown.outputLines().size());

        AmiMessage queue = m.get(4);
        assertEquals("cmd4", queue.actionId());
        assertEquals(6, queue.getAll("output").size());
        assertEquals("   Members: ", queue.outputLines().get(1), "leading spaces after the first kept");
        assertEquals("", queue.outputLines().get(5));

        AmiMessage dialplan = m.get(5);
        assertEquals(38, dialplan.outputLines().size());
        assertEquals("-= 11 extensions (35 priorities) in 1 context. =-", dialplan.outputLines().get(37));

        AmiMessage missing = m.get(6);
        assertEquals("No command provided", missing.get("Message"));
        assertEquals(List.of(), missing.outputLines());
    }

    @Test
    void listItemsCarryTheirActionIdAndTheCompletionEventItsCount() throws Exception {
        List<AmiMessage> m = decodeWhole(Transcripts.bytes("04-list-actions.rx")).messages;
        long completes = m.stream().filter(x -> x.isEvent() && x.responseOrEventName().endsWith("Complete")).count();
        assertTrue(completes >= 4, "list completions: " + completes);
        for (AmiMessage x : m) {
            if (x.isEvent() && x.responseOrEventName().endsWith("Complete")) {
                assertTrue(x.get("EventList").equalsIgnoreCase("complete"), x.toString());
                assertTrue(x.actionId() != null, x.toString());
            }
        }
    }

    @Test
    void repeatedHeadersAreAllKeptInOrder() throws Exception {
        String text = "Response: Success\r\nActionID: g\r\nVariable: A=1\r\nVariable: B=2\r\nvariable: C=3\r\n\r\n";
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(text.getBytes()), sink);
        assertEquals(List.of("A=1", "B=2", "C=3"), sink.messages.get(0).getAll("VARIABLE"));
        assertEquals("A=1", sink.messages.get(0).get("Variable"));
    }

    @Test
    void anEventPacketIsAnAmiEventNamedAfterItsEventHeader() throws Exception {
        List<AmiMessage> m = decodeWhole(Transcripts.bytes("12-events-action-userevent.rx")).messages;
        AmiEvent event = m.stream().filter(x -> "UserEvent".equals(x.responseOrEventName())).findFirst().orElseThrow();
        assertEquals("UserEvent", event.name());
        assertEquals("MyTestEvent", event.get("UserEvent"));
        assertEquals("value with spaces", event.get("header2"));
        assertEquals("Event", event.headerName(0));
    }

    @Test
    void messagesNameTheServerTheirDecoderReads() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder("pbx.example:5038").decode(ByteBuffer.wrap("Event: Ping\r\n\r\n".getBytes()), sink);
        assertEquals("pbx.example:5038", sink.messages.get(0).server());
    }
}
