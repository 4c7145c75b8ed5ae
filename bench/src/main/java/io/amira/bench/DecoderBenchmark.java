package io.amira.bench;

import io.amira.api.AmiEvent;
import io.amira.protocol.AmiDecoder;
import io.amira.protocol.AmiMessage;
import io.amira.protocol.AmiMessageSink;
import io.amira.protocol.DroppedPacket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.AsteriskJavaEventParser;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the real events of shared/ami-transcripts, one thread: Amira's {@link AmiDecoder} (to
 * {@link AmiEvent}s), the raw limit of a reader that only finds packet ends, and asterisk-java
 * 3.42.2's own parsing of the same bytes. The {@code events} and {@code bytes} counters are rates
 * per second. Reads are fed in {@value #READ_SIZE}-byte chunks, as a socket would hand them over.
 *
 * <pre>java -Damira.transcripts=../shared/ami-transcripts -jar bench/target/benchmarks.jar DecoderBenchmark -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBenchmark {

    static final int READ_SIZE = 16 * 1024;

    @State(Scope.Benchmark)
    public static class Corpus {
        byte[] bytes;
        int events;

        @Setup
        public void load() {
            TranscriptEvents corpus = TranscriptEvents.load();
            // repeat the recordings to about 1 MiB so one invocation is a long stream of reads
            int copies = Math.max(1, (1 << 20) / corpus.bytes.length);
            bytes = new byte[corpus.bytes.length * copies];
            for (int i = 0; i < copies; i++) {
                System.arraycopy(corpus.bytes, 0, bytes, i * corpus.bytes.length, corpus.bytes.length);
            }
            events = corpus.events * copies;
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rates {
        public long events;
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
            bytes = 0;
        }
    }

    @State(Scope.Thread)
    public static class AmiraReader implements AmiMessageSink {
        final AmiDecoder decoder = new AmiDecoder();
        long count;
        long correlated;
        AmiEvent last;

        @Override
        public void onBanner(String banner) {
        }

        @Override
        public void onMessage(AmiMessage message) {
            // What the session's reader asks of every packet to route it (SessionReader.onMessage).
            if (message.kind() != AmiMessage.Kind.OTHER && message.actionId() != null) {
                correlated++;
            }
            last = message;
            count++;
        }

        @Override
        public void onDropped(DroppedPacket dropped) {
            throw new IllegalStateException("the recordings are within every limit, yet " + dropped.describe());
        }
    }

    @State(Scope.Thread)
    public static class AsteriskJavaReader {
        final AsteriskJavaEventParser parser = new AsteriskJavaEventParser();
        ManagerEvent last;

        void accept(ManagerEvent event) {
            last = event;
        }
    }

    @Benchmark
    public Object amiraDecoder(Corpus corpus, AmiraReader reader, Rates rates) {
        byte[] bytes = corpus.bytes;
        long before = reader.count;
        for (int p = 0; p < bytes.length; p += READ_SIZE) {
            reader.decoder.decode(ByteBuffer.wrap(bytes, p, Math.min(READ_SIZE, bytes.length - p)), reader);
        }
        rates.events += reader.count - before;
        rates.bytes += bytes.length;
        return reader.last;
    }

    /** The raw limit: a reader that only finds packet ends (CR LF CR LF) and builds nothing. */
    @Benchmark
    public int packetEndsOnly(Corpus corpus, Rates rates) {
        int packets = packetEnds(corpus.bytes);
        rates.events += packets;
        rates.bytes += corpus.bytes.length;
        return packets;
    }

    static int packetEnds(byte[] b) {
        int packets = 0;
        for (int i = 3; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                packets++;
            }
        }
        return packets;
    }

    @Benchmark
    public Object asteriskJava(Corpus corpus, AsteriskJavaReader reader, Rates rates) throws Throwable {
        rates.events += reader.parser.parse(corpus.bytes, reader::accept);
        rates.bytes += corpus.bytes.length;
        return reader.last;
    }
}
