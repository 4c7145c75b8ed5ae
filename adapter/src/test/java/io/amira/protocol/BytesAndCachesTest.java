package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesAndCachesTest {

    @Test
    void indexOfFindsTheFirstMatchAtEveryOffsetAndLength() {
        Random random = new Random(7);
        for (int iteration = 0; iteration < 20_000; iteration++) {
            byte[] a = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextInt(4) == 0 ? '\n' : random.nextInt(256));
            }
            int from = random.nextInt(a.length);
            int end = from + random.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i < end; i++) {
                if (a[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, Bytes.indexOf(a, from, end, (byte) '\n', Bytes.LF_PATTERN), Arrays.toString(a));
        }
    }

    @Test
    void equalAgreesWithArraysEquals() {
        Random random = new Random(8);
        for (int iteration = 0; iteration < 20_000; iteration++) {
            int length = random.nextInt(30);
            byte[] a = new byte[length + 5];
            random.nextBytes(a);
            byte[] b = new byte[length + 3];
            System.arraycopy(a, 2, b, 1, length);
            if (length > 0 && random.nextBoolean()) {
                b[1 + random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
            }
            assertEquals(Arrays.equals(a, 2, 2 + length, b, 1, 1 + length), Bytes.equal(a, 2, b, 1, length));
        }
    }

    @Test
    void reusedValuesAreNeverConfusedEvenWhenTheirHashesCollide() throws Exception {
        // same length, same first and last eight bytes: same hash, different values
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            stream.append("Event: X\r\nContext: abcdefgh").append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26))
                    .append("12345678\r\nPrivilege: call,all\r\n\r\n");
        }
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(stream.toString().getBytes(StandardCharsets.US_ASCII)), sink);
        assertEquals(2000, sink.messages.size());
        for (int i = 0; i < 2000; i++) {
            String expected = "abcdefgh" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + "12345678";
            assertEquals(expected, sink.messages.get(i).get("Context"));
            assertEquals("call,all", sink.messages.get(i).get("Privilege"));
        }
    }

    @Test
    void namesSpelledInAnotherCaseKeepTheirSpellingAndStillMatch() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap("Response: Success\r\nactionid: low\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), sink);
        assertEquals("actionid", sink.messages.get(0).headerName(1));
        assertEquals("low", sink.messages.get(0).actionId());
    }

    @Test
    void theFirstActionIdInAnyCaseIsNotedAndForgottenWithItsPacket() throws Exception {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(("Event: Newstate\r\nPriority: 1\r\nUniqueid: 2\r\nACTIONID: first\r\n"
                + "ActionID: second\r\n\r\nEvent: Newstate\r\nPriority: 1\r\nLinkedid: 3\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)), sink);
        assertEquals("first", sink.messages.get(0).actionId());
        assertEquals("first", sink.messages.get(0).get("ActionID"));
        assertNull(sink.messages.get(1).actionId());
    }

    @Test
    void thousandsOfDistinctNamesDecodeCorrectlyPastTheInternLimit() throws Exception {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            stream.append("Event: X\r\nName").append(i).append(": v").append(i).append("\r\n\r\n");
        }
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(stream.toString().getBytes(StandardCharsets.US_ASCII)), sink);
        for (int i = 0; i < 5000; i++) {
            assertEquals("Name" + i, sink.messages.get(i).headerName(1));
            assertEquals("v" + i, sink.messages.get(i).get("name" + i));
        }
    }
}
