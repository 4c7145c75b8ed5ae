package io.amira.bench;


import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * DecoderBenchmark's work measured in CPU time of the decoding thread instead of wall time: on a
 * machine shared with other builds a descheduled thread spends no CPU time, so this tells two builds
 * apart where JMH's throughput swings by a factor of two. Decodes the recordings (about 1 MiB per
 * pass, 16 KiB reads, each packet routed as the session's reader does: kind and ActionID) and, in
 * the same rounds, the raw limit that only finds packet ends. Prints the median CPU ns per event.
 * <pre>java -Damira.transcripts=/work/shared/ami-transcripts -cp bench/target/benchmarks.jar io.amira.bench.DecoderCpuTime [rounds]</pre>
 */
public final class DecoderCpuTime {

    private static final int READ_SIZE = 16 * 1024;
    private static final int PASSES_PER_ROUND = 200;

    private DecoderCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        TranscriptEvents corpus = TranscriptEvents.load();
        int copies = Math.max(1, (1 << 20) / corpus.bytes.length);
        byte[] bytes = new byte[corpus.bytes.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(corpus.bytes, 0, bytes, i * corpus.bytes.length, corpus.bytes.length);
        }
        long events = (long) corpus.events * copies * PASSES_PER_ROUND;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DecoderBenchmark.AmiraReader router = new DecoderBenchmark.AmiraReader();
        double[] decoder = new double[rounds];
        double[] raw = new double[rounds];
        long sink = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                for (int p = 0; p < bytes.length; p += READ_SIZE) {
                    router.decoder.decode(ByteBuffer.wrap(bytes, p, Math.min(READ_SIZE, bytes.length - p)), router);
                }
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                sink += DecoderBenchmark.packetEnds(bytes);
            }
            long end = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                decoder[round] = (middle - start) / (double) events;
                raw[round] = (end - middle) / (double) events;
            }
        }
        Arrays.sort(decoder);
        Arrays.sort(raw);
        System.out.printf(Locale.ROOT, "CPU ns per event, median of %d rounds: AmiDecoder with routing %.1f (min %.1f),"
                        + " packet ends only %.1f (min %.1f); raw / decoder %.1f %% (%d packets, %d with an ActionID; %d)%n", rounds,
                decoder[rounds / 2], decoder[0], raw[rounds / 2], raw[0], 100 * raw[rounds / 2] / decoder[rounds / 2],
                router.count, router.correlated, sink);
    }
}
