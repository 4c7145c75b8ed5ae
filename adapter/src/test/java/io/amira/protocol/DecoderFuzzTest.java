package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link DecoderFuzzer} with a fixed seed and a count that takes seconds; the full run of
 * 10<sup>7</sup> packets is the bench module's {@code FuzzBench} (docs/PERFORMANCE.md).
 */
class DecoderFuzzTest {

    private static final long SEED = 0xf022_a1a1L;
    private static final int PACKETS = 50_000;

    @Test
    void mutatedRecordingsOnlyEverDecodeOrDropAndTheDecoderAlwaysResynchronises() {
        List<byte[]> recordings = Transcripts.RX.stream().map(Transcripts::bytes).collect(Collectors.toList());
        DecoderFuzzer.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> new DecoderFuzzer(SEED, recordings).run(PACKETS));
        assertEquals(PACKETS, result.packets);
        assertTrue(result.dropped > 100, "the mutations hit the limits: " + result);
        assertTrue(result.messages > PACKETS / 2, "most packets still decode: " + result);
    }
}
