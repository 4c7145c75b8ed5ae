package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecoderLimitsAndGarbageTest {

    private static final int MAX_LINE = 100;
    private static final int MAX_HEADERS = 20;

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLineOverTheLimitFailsNamingTheLimitAndTheDecoderResynchronisesAtTheNextEmptyLine() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        ByteBuffer in = ascii("Event: Big\r\nValue: " + "x".repeat(MAX_LINE) + "\r\nMore: 1\r\n\r\n"
                + "Event: After\r\n\r\n");
        AmiDecodeException e = assertThrows(AmiDecodeException.class, () -> decoder.decode(in, sink));
        assertEquals(AmiDecodeException.Limit.LINE_LENGTH, e.limit());
        assertTrue(e.getMessage().contains("longer than the limit of " + MAX_LINE), e.getMessage());
        assertTrue(in.hasRemaining(), "the rest is left for the caller");

        decoder.decode(in, sink);
        assertEquals(1, sink.messages.size(), "the broken packet is dropped, the next one decoded");
        assertEquals("After", sink.messages.get(0).responseOrEventName());
    }

    @Test
    void aLineExactlyAtTheLimitIsAccepted() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        String line = "Value: " + "y".repeat(MAX_LINE - 7);
        for (byte b : ("Event: Edge\r\n" + line + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)) {
            decoder.decode(new byte[] {b}, 0, 1, sink);
        }
        assertEquals(MAX_LINE - 7, sink.messages.get(0).get("Value").length());
    }

    @Test
    void anEndlessLineFailsAsSoonAsItPassesTheLimitWithoutBufferingIt() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        byte[] chunk = "z".repeat(30).getBytes(StandardCharsets.US_ASCII);
        AmiDecodeException e = assertThrows(AmiDecodeException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                decoder.decode(ByteBuffer.wrap(chunk), sink);
                assertTrue(decoder.bufferedBytes() <= MAX_LINE + 1);
            }
        });
        assertEquals(AmiDecodeException.Limit.LINE_LENGTH, e.limit());
        assertTrue(decoder.bufferCapacity() <= MAX_LINE + 1);
        // still skipping: more of the endless line is swallowed without error or growth
        for (int i = 0; i < 100; i++) {
            decoder.decode(ByteBuffer.wrap(chunk), sink);
        }
        assertEquals(0, decoder.bufferedBytes());
        decoder.decode(ascii("\r\n\r\nResponse: Success\r\nActionID: 9\r\n\r\n"), sink);
        assertEquals("9", sink.messages.get(0).actionId());
    }

    @Test
    void tooManyHeadersFailsNamingTheLimitAndThePacket() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        StringBuilder packet = new StringBuilder("Event: Many\r\n");
        for (int i = 0; i < MAX_HEADERS; i++) {
            packet.append("H").append(i).append(": v\r\n");
        }
        ByteBuffer in = ascii(packet + "\r\nEvent: Next\r\n\r\n");
        AmiDecodeException e = assertThrows(AmiDecodeException.class, () -> decoder.decode(in, sink));
        assertEquals(AmiDecodeException.Limit.HEADERS_PER_PACKET, e.limit());
        assertTrue(e.getMessage().contains("more than " + MAX_HEADERS + " headers"), e.getMessage());
        assertTrue(e.getMessage().contains("Event: Many"), e.getMessage());
        decoder.decode(in, sink);
        assertEquals(1, sink.messages.size());
        assertEquals("Next", sink.messages.get(0).responseOrEventName());
    }

    @Test
    void aPacketOverTheByteLimitFailsNamingTheLimitWhateverItsHeaderCount() throws Exception {
        AmiDecoder decoder = new AmiDecoder(null, MAX_LINE, 1000, 500);
        CollectingSink sink = new CollectingSink();
        StringBuilder packet = new StringBuilder("Event: Large\r\n");
        for (int i = 0; i < 30; i++) {
            packet.append("Header").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        ByteBuffer in = ascii(packet + "\r\nEvent: Small\r\n\r\n");
        AmiDecodeException e = assertThrows(AmiDecodeException.class, () -> decoder.decode(in, sink));
        assertEquals(AmiDecodeException.Limit.PACKET_BYTES, e.limit());
        assertTrue(e.getMessage().contains("larger than 500 bytes"), e.getMessage());
        decoder.decode(in, sink);
        assertEquals("Small", sink.messages.get(0).responseOrEventName());

        StringBuilder body = new StringBuilder("Response: Follows\r\nPrivilege: Command\r\n");
        for (int i = 0; i < 30; i++) {
            body.append("x".repeat(30)).append('\n');
        }
        AmiDecodeException legacy = assertThrows(AmiDecodeException.class,
                () -> decoder.decode(ascii(body + "--END COMMAND--\r\n\r\n"), sink));
        assertEquals(AmiDecodeException.Limit.PACKET_BYTES, legacy.limit());
    }

    @Test
    void exactlyTheMaximumNumberOfHeadersIsAccepted() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        StringBuilder packet = new StringBuilder("Event: Many\r\n");
        for (int i = 1; i < MAX_HEADERS; i++) {
            packet.append("H").append(i).append(": v\r\n");
        }
        decoder.decode(ascii(packet + "\r\n"), sink);
        assertEquals(MAX_HEADERS, sink.messages.get(0).size());
    }

    @Test
    void anEndlessLegacyBodyIsCutByTheHeaderLimit() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
        CollectingSink sink = new CollectingSink();
        AmiDecodeException e = assertThrows(AmiDecodeException.class, () -> {
            decoder.decode(ascii("Response: Follows\r\nPrivilege: Command\r\n"), sink);
            for (int i = 0; i < 1000; i++) {
                decoder.decode(ascii("body line\n\n"), sink);
            }
        });
        assertEquals(AmiDecodeException.Limit.HEADERS_PER_PACKET, e.limit());
    }

    @Test
    void resetStartsOverAsOnAFreshConnection() throws Exception {
        AmiDecoder decoder = new AmiDecoder(MAX_LINE, MAX_HEADERS);
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
    void theBannerSharingAReadWithTheFirstPacketIsSplitOff() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ascii("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: 1\r\n"
                + "Message: Authentication accepted\r\n\r\nEvent: FullyBooted\r\n"), sink);
        assertEquals(java.util.List.of("Asterisk Call Manager/11.0.0"), sink.banners);
        assertEquals(1, sink.messages.size());
        assertEquals("Authentication accepted", sink.messages.get(0).get("Message"));
    }

    @Test
    void aStreamWithoutBannerStartsWithAPacket() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ascii("\r\nResponse: Success\r\nActionID: 1\r\n\r\n"), sink);
        assertEquals(0, sink.banners.size());
        assertEquals("1", sink.messages.get(0).actionId());
    }

    @Test
    void utf8ValuesAndOddLinesDecode() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ascii("Event: Newcallerid\r\nCallerIDName: Zoë Çelik 日本\r\n"
                + "NoColonLine\r\nNoSpace:x\r\nBare: lf\n\r\n"), sink);
        AmiMessage m = sink.messages.get(0);
        assertEquals("Zoë Çelik 日本", m.get("CallerIDName"));
        assertEquals("", m.get("NoColonLine"));
        assertEquals("x", m.get("NoSpace"));
        assertEquals("lf", m.get("Bare"));
    }

    @Test
    void mutatedTranscriptsAndRandomGarbageOnlyEverRaiseTheDecodeErrorAndStayBounded() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Random random = new Random(0xbadc0deL);
            byte[] alphabet = "\r\n: AEvent-x\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            int errors = 0;
            for (int iteration = 0; iteration < 2000; iteration++) {
                byte[] bytes = Transcripts.bytes(Transcripts.RX.get(random.nextInt(Transcripts.RX.size()))).clone();
                int mutations = 1 + random.nextInt(40);
                for (int k = 0; k < mutations; k++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256)
                            : alphabet[random.nextInt(alphabet.length)];
                }
                if (iteration % 10 == 0) {
                    bytes = new byte[random.nextInt(5000)];
                    for (int k = 0; k < bytes.length; k++) {
                        bytes[k] = random.nextBoolean() ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
                    }
                }
                errors += feedExpectingOnlyDecodeErrors(bytes, random);
            }
            assertTrue(errors > 0, "the garbage hit the limits at least once");
        });
    }

    /** Feeds bytes in random chunks; after a decode error, carries on with the rest as documented. */
    private static int feedExpectingOnlyDecodeErrors(byte[] bytes, Random random) {
        int maxLine = 64 + random.nextInt(200);
        AmiDecoder decoder = new AmiDecoder(null, maxLine, 1 + random.nextInt(30), maxLine + random.nextInt(3000));
        CollectingSink sink = new CollectingSink();
        int errors = 0;
        int p = 0;
        while (p < bytes.length) {
            int n = Math.min(bytes.length - p, 1 + random.nextInt(300));
            ByteBuffer chunk;
            if (random.nextBoolean()) {
                chunk = ByteBuffer.wrap(bytes, p, n);
            } else {
                chunk = ByteBuffer.allocateDirect(n);
                chunk.put(bytes, p, n).flip();
            }
            int guard = 0;
            while (chunk.hasRemaining()) {
                int before = chunk.remaining();
                try {
                    decoder.decode(chunk, sink);
                } catch (AmiDecodeException expected) {
                    errors++;
                } catch (RuntimeException unexpected) {
                    fail("only AmiDecodeException may escape", unexpected);
                }
                if (chunk.remaining() == before && ++guard > 2) {
                    fail("decoder made no progress");
                }
                assertTrue(decoder.bufferedBytes() <= decoder.maxLineLength() + 1, "buffer bound");
                assertTrue(decoder.bufferCapacity() <= decoder.maxLineLength() + 1, "buffer bound");
            }
            p += n;
        }
        for (AmiMessage m : sink.messages) {
            assertTrue(m.size() + (m.isLegacyCommandOutput() ? m.outputLines().size() : 0) <= decoder.maxHeadersPerPacket());
            int chars = 0;
            for (int i = 0; i < m.size(); i++) {
                chars += m.headerValue(i).length();
            }
            assertTrue(chars <= decoder.maxPacketBytes());
        }
        return errors;
    }
}
