package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits drop one packet, report it with what identifies it, and decoding goes on. */
class DecoderLimitsAndGarbageTest {

    private static final int MAX_LINE = 100;
    private static final int MAX_PACKET = 1000;

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static CollectingSink decode(AmiDecoder decoder, String text) {
        CollectingSink sink = new CollectingSink();
        decoder.decode(ascii(text), sink);
        return sink;
    }

    /** What a line counts towards its packet's size. */
    private static int counted(String line) {
        return Math.max(line.length() + 2, 32);
    }

    /** {@code count} lines {@code Name: value} with CR LF. */
    private static String lines(String name, String value, int count) {
        return (name + ": " + value + "\r\n").repeat(count);
    }

    @Test
    void aLineOverTheLimitDropsItsPacketAndTheNextPacketDecodes() {
        CollectingSink sink = decode(new AmiDecoder(null, MAX_LINE, MAX_PACKET), "Event: Big\r\nValue: " + "x".repeat(MAX_LINE)
                + "\r\nActionID: 5\r\nMore: 1\r\n\r\nEvent: After\r\n\r\n");
        assertEquals(1, sink.dropped.size());
        DroppedPacket dropped = sink.dropped.get(0);
        assertEquals(DroppedPacket.Reason.LINE_LENGTH, dropped.reason());
        assertEquals(MAX_LINE, dropped.limit());
        assertEquals("Event: Big", dropped.firstHeader());
        assertEquals("5", dropped.actionId(), "an ActionID after the long line is still learnt");
        assertTrue(dropped.describe().contains("line longer than the limit of " + MAX_LINE + " bytes"), dropped.describe());
        assertEquals(1, sink.messages.size());
        assertEquals("After", sink.messages.get(0).responseOrEventName());
    }

    @Test
    void aLineExactlyAtTheLimitIsAccepted() {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, MAX_PACKET);
        CollectingSink sink = new CollectingSink();
        String line = "Value: " + "y".repeat(MAX_LINE - 7);
        for (byte b : ("Event: Edge\r\n" + line + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)) {
            decoder.decode(new byte[] {b}, 0, 1, sink);
        }
        assertEquals(MAX_LINE - 7, sink.messages.get(0).get("Value").length());
        assertTrue(sink.dropped.isEmpty());
    }

    @Test
    void anEndlessLineIsSkippedWithoutBufferingIt() {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, MAX_PACKET);
        CollectingSink sink = new CollectingSink();
        decoder.decode(ascii("Response: Success\r\nActionID: 3\r\nGarbage: "), sink);
        byte[] chunk = "z".repeat(30).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10_000; i++) {
            decoder.decode(ByteBuffer.wrap(chunk), sink);
            assertTrue(decoder.bufferedBytes() <= MAX_LINE + 1);
            assertTrue(decoder.bufferCapacity() <= MAX_LINE + 1);
        }
        assertEquals(0, decoder.bufferedBytes(), "the long line is counted, not kept");
        assertTrue(sink.dropped.isEmpty(), "reported when the packet ends, with all that was learnt");
        decoder.decode(ascii("\r\n\r\nResponse: Success\r\nActionID: 9\r\n\r\n"), sink);
        assertEquals("3", sink.dropped.get(0).actionId());
        assertTrue(sink.dropped.get(0).countedBytes() > 300_000, sink.dropped.get(0).describe());
        assertEquals("9", sink.messages.get(0).actionId());
    }

    @Test
    void aResponseOverThePacketLimitIsDroppedWithTheActionIdFromItsTop() {
        CollectingSink sink = decode(new AmiDecoder(null, MAX_LINE, MAX_PACKET), "Response: Success\r\nActionID: 17\r\n"
                + "Message: Command output follows\r\n" + lines("Output", "a line of the command's output", 100)
                + "\r\nResponse: Success\r\nActionID: 18\r\nPing: Pong\r\n\r\n");
        DroppedPacket dropped = sink.dropped.get(0);
        assertEquals(DroppedPacket.Reason.PACKET_BYTES, dropped.reason());
        assertEquals("17", dropped.actionId());
        assertEquals("Response: Success", dropped.firstHeader());
        assertEquals(32 + 32 + counted("Message: Command output follows")
                + 100 * counted("Output: a line of the command's output"), dropped.countedBytes(),
                "every line counted to the end of the packet");
        assertTrue(dropped.describe().contains("over the limit of " + MAX_PACKET + " bytes"), dropped.describe());
        assertEquals(List.of("18"), List.of(sink.messages.get(0).actionId()));
        assertEquals(1, sink.messages.size());
    }

    @Test
    void aListItemOverTheLimitStillNamesAnActionIdThatComesLast() {
        CollectingSink sink = decode(new AmiDecoder(null, MAX_LINE, MAX_PACKET), "Event: CoreShowChannel\r\n"
                + lines("Variable", "x=1", 200) + "ActionID: 77\r\n\r\n");
        assertEquals("77", sink.dropped.get(0).actionId());
        assertEquals("Event: CoreShowChannel", sink.dropped.get(0).firstHeader());
    }

    @Test
    void whatCannotBeAttributed() {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, MAX_PACKET);
        CollectingSink longFirstLine = decode(decoder, "Event: " + "x".repeat(MAX_LINE) + "\r\nFoo: bar\r\n\r\n");
        assertNull(longFirstLine.dropped.get(0).firstHeader(), "a first line over the limit is not kept");
        CollectingSink longActionId = decode(decoder, "Event: X\r\nActionID: " + "1".repeat(MAX_LINE) + "\r\n\r\n");
        assertNull(longActionId.dropped.get(0).actionId(), "an ActionID line over the limit is not read");
        CollectingSink inBody = decode(decoder, "Response: Follows\r\nPrivilege: Command\r\n"
                + "x".repeat(MAX_LINE + 1) + "\nActionID: 99\n--END COMMAND--\r\n\r\n");
        assertNull(inBody.dropped.get(0).actionId(), "a legacy body is text: its lines are not headers");
    }

    @Test
    void aLegacyBodyOverTheLimitIsSkippedToItsEndMarkerAcrossEmptyLines() {
        String body = "line: with a colon\n\n\r\n".repeat(100);
        CollectingSink sink = decode(new AmiDecoder(null, MAX_LINE, MAX_PACKET), "Response: Follows\r\nPrivilege: Command\r\n"
                + "ActionID: c1\r\n" + body + "--END COMMAND--\r\n\r\nResponse: Success\r\nActionID: p\r\n\r\n");
        assertEquals(1, sink.dropped.size(), sink.render());
        assertEquals("c1", sink.dropped.get(0).actionId());
        assertEquals(1, sink.messages.size(), sink.render());
        assertEquals("p", sink.messages.get(0).actionId());
    }

    @Test
    void aLegacyBodyWhoseLongLastLineCarriesTheEndMarkerEndsThere() {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, MAX_PACKET);
        CollectingSink sink = new CollectingSink();
        decoder.decode(ascii("Response: Follows\r\nPrivilege: Command\r\nActionID: c2\r\nfirst\n"), sink);
        // the long line arrives in pieces: its end marker is cut across reads
        decoder.decode(ascii("y".repeat(3 * MAX_LINE) + "--END COM"), sink);
        decoder.decode(ascii("MAND-"), sink);
        decoder.decode(ascii("-\r"), sink);
        decoder.decode(ascii("\n\r\nEvent: Next\r\n\r\n"), sink);
        assertEquals(DroppedPacket.Reason.LINE_LENGTH, sink.dropped.get(0).reason());
        assertEquals("c2", sink.dropped.get(0).actionId());
        assertEquals("Next", sink.messages.get(0).responseOrEventName(), sink.render());
    }

    @Test
    void packetsAreCountedLineByLineWithAMinimumPerLine() {
        CollectingSink sink = decode(new AmiDecoder(), "Event: X\r\nA-header-with-a-longer-line-than-32: v\r\n\r\n");
        int expected = 32 + counted("A-header-with-a-longer-line-than-32: v");
        assertEquals(expected, sink.messages.get(0).countedBytes());
        AmiMessage built = AmiMessage.of(null, new String[] {"Event", "A-header-with-a-longer-line-than-32"}, new String[] {"X", "v"});
        assertEquals(expected, built.countedBytes());
    }

    @Test
    void aPacketExactlyAtTheLimitIsDecoded() {
        // 32 short lines, each counted as 32 bytes: exactly the limit
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, 1024);
        CollectingSink sink = decode(decoder, "Event: X\r\n" + lines("H", "v", 31) + "\r\n");
        assertEquals(1024, sink.messages.get(0).countedBytes());
        CollectingSink over = decode(decoder, "Event: X\r\n" + lines("H", "v", 32) + "\r\n");
        assertEquals(1, over.dropped.size());
    }

    @Test
    void resetStartsOverAsOnAFreshConnection() {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, MAX_PACKET);
        CollectingSink sink = new CollectingSink();
        decoder.decode(ascii("Asterisk Call Manager/11.0.0\r\nResponse: Succ"), sink);
        decoder.reset();
        assertEquals(0, decoder.bufferedBytes());
        decoder.decode(ascii("Asterisk Call Manager/11.0.0\r\nResponse: Error\r\n\r\n"), sink);
        assertEquals(2, sink.banners.size());
        assertEquals(1, sink.messages.size());
        assertEquals("Error", sink.messages.get(0).responseOrEventName());
    }

    @Test
    void theBannerSharingAReadWithTheFirstPacketIsSplitOff() {
        CollectingSink sink = decode(new AmiDecoder(), "Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: 1\r\n"
                + "Message: Authentication accepted\r\n\r\nEvent: FullyBooted\r\n");
        assertEquals(List.of("Asterisk Call Manager/11.0.0"), sink.banners);
        assertEquals(1, sink.messages.size());
        assertEquals("Authentication accepted", sink.messages.get(0).get("Message"));
    }

    @Test
    void aStreamWithoutBannerStartsWithAPacket() {
        CollectingSink sink = decode(new AmiDecoder(), "\r\nResponse: Success\r\nActionID: 1\r\n\r\n");
        assertEquals(0, sink.banners.size());
        assertEquals("1", sink.messages.get(0).actionId());
    }

    @Test
    void utf8ValuesAndOddLinesDecode() {
        CollectingSink sink = decode(new AmiDecoder(), "Event: Newcallerid\r\nCallerIDName: Zoë Çelik 日本\r\n"
                + "NoColonLine\r\nNoSpace:x\r\nBare: lf\n\r\n");
        AmiMessage m = sink.messages.get(0);
        assertEquals("Zoë Çelik 日本", m.get("CallerIDName"));
        assertEquals("", m.get("NoColonLine"));
        assertEquals("x", m.get("NoSpace"));
        assertEquals("lf", m.get("Bare"));
    }
}
