package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: however the bytes are cut into reads, the decoder sees the same packets. */
class RandomSplitTest {

    private static final long SEED = 0x5eed_a1a1L;
    private static final int ITERATIONS_PER_TRANSCRIPT = 300;

    @Test
    void randomSplitsOfEveryTranscriptDecodeIdentically() throws Exception {
        Random random = new Random(SEED);
        for (String name : Transcripts.RX) {
            byte[] bytes = Transcripts.bytes(name);
            String expected = TranscriptDecodingTest.decodeWhole(bytes).render();
            for (int iteration = 0; iteration < ITERATIONS_PER_TRANSCRIPT; iteration++) {
                int maxChunk = 1 + random.nextInt(iteration % 3 == 0 ? 8 : 600);
                boolean direct = random.nextBoolean();
                String actual = decodeInChunks(bytes, random, maxChunk, direct);
                assertEquals(expected, actual, name + " iteration " + iteration + " (seed " + SEED + ")");
            }
        }
    }

    @Test
    void everySingleCutPointOfTheCommandTranscriptDecodesIdentically() throws Exception {
        byte[] bytes = Transcripts.bytes("05-command.rx");
        String expected = TranscriptDecodingTest.decodeWhole(bytes).render();
        for (int cut = 0; cut <= bytes.length; cut++) {
            AmiDecoder decoder = new AmiDecoder();
            CollectingSink sink = new CollectingSink();
            decoder.decode(ByteBuffer.wrap(bytes, 0, cut), sink);
            decoder.decode(ByteBuffer.wrap(bytes, cut, bytes.length - cut), sink);
            assertEquals(expected, sink.render(), "cut at " + cut);
        }
    }

    @Test
    void oneByteAtATimeDecodesIdentically() throws Exception {
        for (String name : Transcripts.RX) {
            byte[] bytes = Transcripts.bytes(name);
            AmiDecoder decoder = new AmiDecoder();
            CollectingSink sink = new CollectingSink();
            for (byte b : bytes) {
                decoder.decode(new byte[] {b}, 0, 1, sink);
            }
            assertEquals(TranscriptDecodingTest.decodeWhole(bytes).render(), sink.render(), name);
        }
    }

    @Test
    void legacyCommandFormSplitAnywhereDecodesIdentically() throws Exception {
        byte[] bytes = ("Asterisk Call Manager/1.1\r\nResponse: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
                + "line one\n\nline: three\r\nlast--END COMMAND--\r\n\r\nResponse: Success\r\nActionID: 8\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String expected = TranscriptDecodingTest.decodeWhole(bytes).render();
        Random random = new Random(SEED);
        for (int iteration = 0; iteration < 500; iteration++) {
            assertEquals(expected, decodeInChunks(bytes, random, 1 + random.nextInt(20), random.nextBoolean()));
        }
    }

    static String decodeInChunks(byte[] bytes, Random random, int maxChunk, boolean direct) {
        AmiDecoder decoder = new AmiDecoder();
        CollectingSink sink = new CollectingSink();
        int p = 0;
        while (p < bytes.length) {
            int n = Math.min(bytes.length - p, 1 + random.nextInt(maxChunk));
            ByteBuffer chunk;
            if (direct) {
                chunk = ByteBuffer.allocateDirect(n);
                chunk.put(bytes, p, n).flip();
            } else {
                // a slice inside a larger array, to exercise array offsets
                byte[] padded = new byte[n + 6];
                Arrays.fill(padded, (byte) '\n');
                System.arraycopy(bytes, p, padded, 3, n);
                chunk = ByteBuffer.wrap(padded, 3, n).slice();
            }
            decoder.decode(chunk, sink);
            assertEquals(0, chunk.remaining(), "decode consumes every byte");
            p += n;
        }
        return sink.render();
    }
}
