package io.amira.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutation fuzzing of {@link AmiDecoder}, deterministic for a seed: real packets (from the
 * recordings, plus a legacy Command answer) are mutated by bit flips, random bytes, cut points,
 * inserted runs of random length (some longer than the line limit), repeated slices (packets over
 * the packet limit) and stray legacy-form lines; streams of them, fed in reads of random size
 * through heap and direct buffers, go to decoders with random limits. Checked on every read and
 * every packet: nothing but the sink's own calls comes out (any exception is a failure), the line
 * buffer and the header arrays stay within their bounds, every packet handed over is within the
 * packet limit, and every stream ends by decoding a sentinel packet appended to it (the decoder
 * always finds its way back). Used by {@code DecoderFuzzTest} (seconds) and by the {@code bench}
 * module's {@code FuzzBench} (10<sup>7</sup> packets).
 */
public final class DecoderFuzzer {

    /** What a run saw. */
    public static final class Result {
        public long packets;
        public long streams;
        public long bytes;
        public long messages;
        public long dropped;
        public long largestLineBuffer;
        public long largestHeaderArrays;

        public void add(Result other) {
            packets += other.packets;
            streams += other.streams;
            bytes += other.bytes;
            messages += other.messages;
            dropped += other.dropped;
            largestLineBuffer = Math.max(largestLineBuffer, other.largestLineBuffer);
            largestHeaderArrays = Math.max(largestHeaderArrays, other.largestHeaderArrays);
        }

        @Override
        public String toString() {
            return packets + " mutated packets in " + streams + " streams, " + bytes + " bytes: " + messages
                    + " packets decoded, " + dropped + " dropped over a limit, every stream resynchronised;"
                    + " largest line buffer " + largestLineBuffer + " bytes, largest header arrays " + largestHeaderArrays;
        }
    }

    private static final int PACKETS_PER_STREAM = 64;
    private static final byte[] ALPHABET = "\r\n: AEvent-ActionID\u00ff\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[][] STRAY_LINES = {
        ascii("Response: Follows\r\nPrivilege: Command\r\n"), ascii("--END COMMAND--"), ascii("\r\n\r\n"),
        ascii("ActionID: 42\r\n"), ascii("EventList: start\r\n"), ascii("\n"), ascii("\r"),
    };
    private static final byte[] LEGACY_ANSWER = ascii("Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
            + "Channel              Location             State   Application(Data)\n\n"
            + "0 active channels\nlast line without newline--END COMMAND--\r\n\r\n");

    private static final int MAX_READ = 20_000;

    private final long seed;
    private final Random random;
    private final List<byte[]> corpus;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(MAX_READ);
    /** Streams run by this fuzzer so far, over all calls of {@link #run}: names the failing one. */
    private long streamsRun;

    /** {@code transcripts}: whole recorded server streams ({@code .rx} files), cut into packets here. */
    public DecoderFuzzer(long seed, List<byte[]> transcripts) {
        this.seed = seed;
        this.random = new Random(seed);
        this.corpus = packets(transcripts);
        corpus.add(LEGACY_ANSWER);
    }

    /** The packets of the recordings (the banner line counts as one), each with its terminating empty line. */
    static List<byte[]> packets(List<byte[]> transcripts) {
        List<byte[]> packets = new ArrayList<>();
        for (byte[] rx : transcripts) {
            int start = 0;
            for (int i = 0; i + 1 < rx.length; i++) {
                boolean bannerEnd = start == 0 && rx[i] == '\r' && rx[i + 1] == '\n';
                boolean packetEnd = i + 3 < rx.length && rx[i] == '\r' && rx[i + 1] == '\n' && rx[i + 2] == '\r'
                        && rx[i + 3] == '\n';
                if (bannerEnd || packetEnd) {
                    int end = i + (packetEnd ? 4 : 2);
                    packets.add(Arrays.copyOfRange(rx, start, end));
                    start = end;
                    i = end - 1;
                }
            }
        }
        return packets;
    }

    /**
     * Runs {@code packets} mutated packets through fresh decoders, {@value #PACKETS_PER_STREAM} per
     * stream; consecutive calls go on with the same random sequence. Throws {@link AssertionError}
     * (naming the seed and the stream) on the first broken rule.
     */
    public Result run(long packets) {
        Result result = new Result();
        while (result.packets < packets) {
            int count = (int) Math.min(PACKETS_PER_STREAM, packets - result.packets);
            try {
                stream(count, result);
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + ", stream " + streamsRun + ": " + t, t);
            }
            result.packets += count;
            result.streams++;
            streamsRun++;
        }
        return result;
    }

    private void stream(int packets, Result result) {
        int maxLine = random.nextInt(8) == 0 ? 16 * 1024 : 64 + random.nextInt(1000);
        long maxPacket = maxLine + (long) random.nextInt(random.nextBoolean() ? 4 * maxLine : 64 * 1024);
        AmiDecoder decoder = new AmiDecoder(null, maxLine, maxPacket);
        String sentinelId = "sentinel-" + streamsRun;
        Sink sink = new Sink(decoder);
        ByteBuffer stream = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < packets; i++) {
            stream = append(stream, mutated(corpus.get(random.nextInt(corpus.size())), maxLine));
        }
        // ends a legacy body, a long line, a partial line or a packet, whichever the garbage left open
        stream = append(stream, ascii("\r\n--END COMMAND--\r\n\r\nResponse: Success\r\nActionID: " + sentinelId + "\r\n\r\n"));
        stream.flip();
        result.bytes += stream.remaining();
        feed(decoder, stream, sink, result);
        if (sink.last == null || !sentinelId.equals(sink.last.actionId())) {
            throw new AssertionError("the stream's last packet is not the sentinel " + sentinelId + " but " + sink.last);
        }
        if (decoder.headerCapacity() > 1024) {
            throw new AssertionError("header arrays of " + decoder.headerCapacity() + " kept after the packet");
        }
        result.messages += sink.messages;
        result.dropped += sink.dropped;
    }

    private void feed(AmiDecoder decoder, ByteBuffer stream, Sink sink, Result result) {
        byte[] bytes = stream.array();
        int end = stream.limit();
        int maxRead = random.nextInt(4) == 0 ? 8 : MAX_READ;
        for (int p = 0; p < end; ) {
            int n = Math.min(end - p, 1 + random.nextInt(maxRead));
            ByteBuffer read;
            if (random.nextInt(4) == 0) {
                read = direct.clear();
                read.put(bytes, p, n).flip();
            } else {
                read = ByteBuffer.wrap(bytes, p, n);
            }
            decoder.decode(read, sink);
            if (read.hasRemaining()) {
                throw new AssertionError("decode left " + read.remaining() + " bytes unread");
            }
            if (decoder.bufferedBytes() > decoder.maxLineLength() + 1 || decoder.bufferCapacity() > decoder.maxLineLength() + 1) {
                throw new AssertionError("line buffer " + decoder.bufferCapacity() + " over the line limit " + decoder.maxLineLength());
            }
            result.largestLineBuffer = Math.max(result.largestLineBuffer, decoder.bufferCapacity());
            result.largestHeaderArrays = Math.max(result.largestHeaderArrays, decoder.headerCapacity());
            p += n;
        }
    }

    private byte[] mutated(byte[] packet, int maxLine) {
        byte[] b = packet;
        int mutations = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6);
        for (int k = 0; k < mutations; k++) {
            switch (random.nextInt(7)) {
                case 0: // bit flips
                    b = b.clone();
                    for (int f = 1 + random.nextInt(8); f > 0 && b.length > 0; f--) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // bytes that matter to the grammar, or any byte
                    b = b.clone();
                    for (int f = 1 + random.nextInt(8); f > 0 && b.length > 0; f--) {
                        b[random.nextInt(b.length)] = random.nextBoolean() ? (byte) random.nextInt(256)
                                : ALPHABET[random.nextInt(ALPHABET.length)];
                    }
                    break;
                case 2: // cut point: the packet ends early, the next one runs into it
                    b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                    break;
                case 3: // a run of random length, sometimes longer than a line may be
                    int length = random.nextInt(16) == 0 ? maxLine + random.nextInt(2 * maxLine) : random.nextInt(300);
                    byte[] run = new byte[length];
                    byte fill = ALPHABET[random.nextInt(ALPHABET.length)];
                    for (int i = 0; i < length; i++) {
                        run[i] = random.nextInt(16) == 0 ? (byte) random.nextInt(256) : fill;
                    }
                    b = insert(b, run);
                    break;
                case 4: // a slice repeated, e.g. many more headers: packets over the packet limit
                    if (b.length > 0) {
                        int from = random.nextInt(b.length);
                        int to = Math.min(b.length, from + 1 + random.nextInt(200));
                        byte[] slice = Arrays.copyOfRange(b, from, to);
                        int times = 1 + random.nextInt(random.nextInt(64) == 0 ? 2000 : 20);
                        byte[] repeated = new byte[slice.length * times];
                        for (int t = 0; t < times; t++) {
                            System.arraycopy(slice, 0, repeated, t * slice.length, slice.length);
                        }
                        b = insert(b, repeated);
                    }
                    break;
                case 5: // stray legacy-form and framing lines
                    b = insert(b, STRAY_LINES[random.nextInt(STRAY_LINES.length)]);
                    break;
                default: // random garbage of random length
                    byte[] garbage = new byte[random.nextInt(100)];
                    random.nextBytes(garbage);
                    b = insert(b, garbage);
            }
        }
        return b;
    }

    private byte[] insert(byte[] b, byte[] piece) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    private static ByteBuffer append(ByteBuffer buffer, byte[] bytes) {
        if (buffer.remaining() < bytes.length) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes.length));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer.put(bytes);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Checks each packet against the limits; keeps only counts and the last packet. */
    private static final class Sink implements AmiMessageSink {
        private final AmiDecoder decoder;
        long messages;
        long dropped;
        AmiMessage last;

        Sink(AmiDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void onBanner(String banner) {
            // any first line without a colon
        }

        @Override
        public void onMessage(AmiMessage message) {
            if (message.countedBytes() > decoder.maxPacketBytes()) {
                throw new AssertionError(message + " of " + message.countedBytes() + " bytes passed the limit");
            }
            for (int i = 0; i < message.size(); i++) {
                if (message.headerName(i).length() + message.headerValue(i).length() > decoder.maxLineLength()) {
                    throw new AssertionError(message + " has a header longer than the line limit");
                }
            }
            messages++;
            last = message;
        }

        @Override
        public void onDropped(DroppedPacket packet) {
            long limit = packet.reason() == DroppedPacket.Reason.LINE_LENGTH ? decoder.maxLineLength() : decoder.maxPacketBytes();
            if (packet.limit() != limit) {
                throw new AssertionError(packet + " names the wrong limit");
            }
            dropped++;
            last = null;
        }
    }
}
