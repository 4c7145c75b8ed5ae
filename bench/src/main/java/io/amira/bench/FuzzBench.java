package io.amira.bench;

import io.amira.protocol.DecoderFuzzer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decoder fuzz run of issue 12: {@code fuzz.packets} (default 10<sup>7</sup>) mutated packets
 * from the real recordings through {@link io.amira.protocol.AmiDecoder}, by the same
 * {@link DecoderFuzzer} as the adapter's {@code DecoderFuzzTest}. Fails (exit 1, with the seed and
 * stream) on any exception or broken rule, and (exit 2) when no block of packets completes within a
 * minute. Run it with a small {@code -Xmx}: finishing shows the heap bound; it also reports the
 * heap's peak use (each heap pool's peak, summed).
 *
 * <pre>java -Xmx128m -Damira.transcripts=../shared/ami-transcripts -cp bench/target/benchmarks.jar io.amira.bench.FuzzBench</pre>
 */
public final class FuzzBench {

    private static final long BLOCK = 100_000;
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        long packets = Long.getLong("fuzz.packets", 10_000_000L);
        long seed = Long.getLong("fuzz.seed", 0x12_2026L);
        DecoderFuzzer fuzzer = new DecoderFuzzer(seed, TranscriptEvents.recordings());
        DecoderFuzzer.Result total = new DecoderFuzzer.Result();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        Thread watchdog = new Thread(() -> {
            while (true) {
                if (System.nanoTime() - lastProgress.get() > STALL_NANOS) {
                    System.err.println("FuzzBench: no progress for a minute: the decoder hangs (seed " + seed + ")");
                    Runtime.getRuntime().halt(2);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        long start = System.nanoTime();
        try {
            while (total.packets < packets) {
                DecoderFuzzer.Result block = fuzzer.run(Math.min(BLOCK, packets - total.packets));
                total.add(block);
                lastProgress.set(System.nanoTime());
            }
        } catch (AssertionError e) {
            System.err.println("FuzzBench: FAILED after " + total.packets + " packets");
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("FuzzBench seed %d: %s%n", seed, total);
        System.out.printf("%.1f s, %.0f packets/s, %.0f MB/s; heap peak %.1f MB of at most %.1f MB%n",
                seconds, total.packets / seconds, total.bytes / seconds / 1e6, heapPeak() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
