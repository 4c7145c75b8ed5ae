package io.amira.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental AMI decoder: feed it bytes as they arrive, in chunks cut anywhere, and it hands
 * the banner and each complete packet to an {@link AmiMessageSink}. One decoder per connection;
 * not thread-safe. It never throws on what the server sends.
 *
 * <p>What it understands:
 * <ul>
 * <li>The banner: the first line of the stream, when it holds no colon
 *     ({@code Asterisk Call Manager/11.0.0}); it may share a read with the next packet.</li>
 * <li>Packets: {@code Name: value} lines ended by CR LF (a bare LF is accepted too), ended by an
 *     empty line. One space after the colon is dropped; everything else of the value is kept,
 *     leading and trailing spaces included. A line without a colon becomes a header with an
 *     empty value. Empty lines between packets are ignored. There is no limit on the number of
 *     headers (Asterisk sends Command output as one {@code Output:} header per line).</li>
 * <li>Command output, both forms: Asterisk 14+ sends one {@code Output:} header per line (plain
 *     headers); Asterisk 13 and older send {@code Response: Follows}, {@code Privilege: Command},
 *     an optional {@code ActionID}, then a raw body (bare-LF lines and empty lines allowed) ending
 *     with {@code --END COMMAND--} and an empty line. The body lines land in
 *     {@link AmiMessage#outputLines()}.</li>
 * <li>Text is decoded as UTF-8 (ASCII stays on a fast path).</li>
 * </ul>
 *
 * <p>Limits: a packet larger than {@link #maxPacketBytes()} (counted as
 * {@link AmiMessage#countedBytes()}) or holding a line longer than {@link #maxLineLength()} bytes
 * is <b>dropped</b>: from the line that broke the limit on, the decoder keeps nothing of it and
 * skips to its end (the empty line; for a legacy Command body, the empty line after
 * {@code --END COMMAND--}), then reports it once to {@link AmiMessageSink#onDropped} with its
 * first header and the first {@code ActionID} line seen anywhere in it (see {@link DroppedPacket}),
 * and goes on with the next packet. So the decoder never buffers more than one line of at most
 * {@code maxLineLength + 1} bytes, and a packet in progress never holds more than
 * {@code maxPacketBytes}.
 */
public final class AmiDecoder {

    /** Default largest packet, as {@link AmiMessage#countedBytes()} counts it: 64 MiB. */
    public static final long DEFAULT_MAX_PACKET_BYTES = 64L * 1024 * 1024;
    /** The longest line limit there can be (line buffers are arrays): 1 GiB. */
    public static final int MAX_LINE_LENGTH = 1 << 30;
    /** The least a line counts towards a packet's size, CR LF included. */
    public static final int MIN_COUNTED_LINE_BYTES = 32;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID_PREFIX = "ActionID:".getBytes(StandardCharsets.US_ASCII);
    private static final int DIRECT_CHUNK = 8 * 1024;
    private static final int LINE_BUFFER = 256;
    /** A line buffer grown beyond this for a long line is given back once the line is decoded. */
    private static final int LINE_BUFFER_KEPT = 64 * 1024;
    private static final int HEADER_ARRAYS = 64;
    /** Header arrays grown beyond this for a large packet are given back once the packet is done. */
    private static final int HEADER_ARRAYS_KEPT = 1024;

    private enum State { BANNER, HEADERS, LEGACY_BODY_START, LEGACY_BODY }

    private final int maxLineLength;
    private final long maxPacketBytes;
    private final String server;
    private final HeaderNames headerNames = new HeaderNames();
    private final ValueCache valueCache = new ValueCache();

    private State state = State.BANNER;
    /** The start of a line cut by the end of a read. */
    private byte[] partial;
    private int partialLength;
    /** Inside a line longer than the limit: its bytes are counted, not kept. */
    private boolean inLongLine;
    private long longLineLength;
    /** The last bytes of a long line, to see whether it ends with --END COMMAND--. */
    private final byte[] longLineTail = new byte[END_COMMAND.length + 1];
    private int longLineTailLength;
    /** For direct buffers, which have no array to scan in place. */
    private byte[] directChunk;

    /** Where the packet in progress has its (first) ActionID, -1 while it has none. */
    private int actionIdIndex = -1;
    private String[] names = new String[HEADER_ARRAYS];
    private String[] values = new String[HEADER_ARRAYS];
    private int headerCount;
    private long packetBytes;
    private boolean followsResponse;
    private List<String> legacyBody;

    /** While the packet in progress is being dropped: why (null otherwise), and what is known of it. */
    private DroppedPacket.Reason dropReason;
    private String dropFirstHeader;
    private String dropActionId;

    /** A decoder with a packet limit of {@value #DEFAULT_MAX_PACKET_BYTES} bytes, its messages naming no server. */
    public AmiDecoder() {
        this(null);
    }

    /** A decoder whose messages name {@code server} ({@code host:port}) as their {@link AmiMessage#server()}. */
    public AmiDecoder(String server) {
        this(server, DEFAULT_MAX_PACKET_BYTES);
    }

    /** A decoder whose line limit is the packet limit (or {@value #MAX_LINE_LENGTH} when that is larger). */
    public AmiDecoder(String server, long maxPacketBytes) {
        this(server, (int) Math.min(maxPacketBytes, MAX_LINE_LENGTH), maxPacketBytes);
    }

    public AmiDecoder(String server, int maxLineLength, long maxPacketBytes) {
        this.server = server;
        if (maxLineLength < 64 || maxLineLength > MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be 64.." + MAX_LINE_LENGTH + " bytes, was " + maxLineLength);
        }
        if (maxPacketBytes < maxLineLength) {
            throw new IllegalArgumentException("maxPacketBytes (" + maxPacketBytes
                    + ") must be at least maxLineLength (" + maxLineLength + ")");
        }
        this.maxLineLength = maxLineLength;
        this.maxPacketBytes = maxPacketBytes;
        this.partial = new byte[Math.min(LINE_BUFFER, maxLineLength + 1)];
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    public long maxPacketBytes() {
        return maxPacketBytes;
    }

    /** How much a line of {@code length} bytes (CR LF not included) counts towards its packet's size. */
    static int countedLineBytes(int length) {
        return Math.max(length + 2, MIN_COUNTED_LINE_BYTES);
    }

    /**
     * Decodes every remaining byte of {@code bytes} (its position ends at its limit), handing each
     * complete packet to {@code sink}; an incomplete last line or packet is kept for the next call.
     * An exception thrown by the sink propagates; the decoder should then be {@link #reset()}.
     */
    public void decode(ByteBuffer bytes, AmiMessageSink sink) {
        if (bytes.hasArray()) {
            int from = bytes.arrayOffset() + bytes.position();
            decodeRange(bytes.array(), from, from + bytes.remaining(), sink);
            bytes.position(bytes.limit());
            return;
        }
        if (directChunk == null) {
            directChunk = new byte[DIRECT_CHUNK];
        }
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), directChunk.length);
            bytes.get(directChunk, 0, n);
            decodeRange(directChunk, 0, n, sink);
        }
    }

    /** Decodes {@code bytes[offset, offset + length)}; see {@link #decode(ByteBuffer, AmiMessageSink)}. */
    public void decode(byte[] bytes, int offset, int length, AmiMessageSink sink) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        decodeRange(bytes, offset, offset + length, sink);
    }

    /** Forgets everything: the partial line, the packet in progress; the next line may be a banner. */
    public void reset() {
        partialLength = 0;
        inLongLine = false;
        clearPacket();
        state = State.BANNER;
    }

    /** Bytes held for a line cut by the end of a read (never more than {@code maxLineLength + 1}). */
    int bufferedBytes() {
        return partialLength;
    }

    /** The capacity of the partial-line buffer, for tests of the memory bound. */
    int bufferCapacity() {
        return partial.length;
    }

    /** The capacity of the header arrays, for tests of the memory bound. */
    int headerCapacity() {
        return names.length;
    }

    private void decodeRange(byte[] a, int p, int end, AmiMessageSink sink) {
        while (p < end) {
            int lf = Bytes.indexOf(a, p, end, LF, Bytes.LF_PATTERN);
            if (lf < 0) {
                keepPartial(a, p, end);
                return;
            }
            if (inLongLine) {
                endLongLine(a, p, lf);
            } else if (partialLength > 0) {
                endPartialLine(a, p, lf, sink);
            } else {
                line(a, p, lf, sink);
            }
            p = lf + 1;
        }
    }

    /** The start of a line without its end in this read: kept, unless the line is already too long. */
    private void keepPartial(byte[] a, int from, int end) {
        int n = end - from;
        if (inLongLine) {
            longLineLength += n;
            keepLongLineTail(a, from, end);
            return;
        }
        // one byte more than the limit: the line's CR may already be here, its LF not yet
        if ((long) partialLength + n > maxLineLength + 1L) {
            inLongLine = true;
            longLineLength = (long) partialLength + n;
            longLineTailLength = 0;
            keepLongLineTail(partial, 0, partialLength);
            keepLongLineTail(a, from, end);
            partialLength = 0;
            shrinkLineBuffer();
            return;
        }
        if (partialLength + n > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(Math.max(partialLength + n, partial.length * 2), maxLineLength + 1));
        }
        System.arraycopy(a, from, partial, partialLength, n);
        partialLength += n;
    }

    /** The end of a line whose start is in {@link #partial}. */
    private void endPartialLine(byte[] a, int from, int lf, AmiMessageSink sink) {
        int n = lf - from;
        long total = (long) partialLength + n;
        boolean cr = n > 0 ? a[lf - 1] == CR : partial[partialLength - 1] == CR;
        if (total - (cr ? 1 : 0) > maxLineLength) {
            longLineTailLength = 0;
            keepLongLineTail(partial, 0, partialLength);
            keepLongLineTail(a, from, lf);
            longLine(total);
        } else {
            int length = (int) total;
            if (length > partial.length) {
                partial = Arrays.copyOf(partial, length);
            }
            System.arraycopy(a, from, partial, partialLength, n);
            line(partial, 0, length, sink);
        }
        partialLength = 0;
        shrinkLineBuffer();
    }

    private void endLongLine(byte[] a, int from, int lf) {
        inLongLine = false;
        keepLongLineTail(a, from, lf);
        longLine(longLineLength + (lf - from));
    }

    private void shrinkLineBuffer() {
        if (partial.length > LINE_BUFFER_KEPT) {
            partial = new byte[LINE_BUFFER];
        }
    }

    private void keepLongLineTail(byte[] a, int from, int to) {
        byte[] tail = longLineTail;
        int n = to - from;
        if (n >= tail.length) {
            System.arraycopy(a, to - tail.length, tail, 0, tail.length);
            longLineTailLength = tail.length;
            return;
        }
        int kept = Math.min(longLineTailLength, tail.length - n);
        System.arraycopy(tail, longLineTailLength - kept, tail, 0, kept);
        System.arraycopy(a, from, tail, kept, n);
        longLineTailLength = kept + n;
    }

    /** One line, {@code a[from, lf)}, LF excluded, at most {@code maxLineLength + 1} bytes. */
    private void line(byte[] a, int from, int lf, AmiMessageSink sink) {
        int end = lf;
        if (end > from && a[end - 1] == CR) {
            end--;
        }
        if (end - from > maxLineLength) {
            longLineTailLength = 0;
            keepLongLineTail(a, from, lf);
            longLine(lf - from);
            return;
        }
        switch (state) {
            case HEADERS:
                if (end == from) {
                    endPacket(sink);
                } else {
                    header(a, from, end);
                }
                break;
            case BANNER:
                if (end == from) {
                    return;
                }
                state = State.HEADERS;
                if (Bytes.indexOf(a, from, end, COLON, Bytes.COLON_PATTERN) < 0) {
                    sink.onBanner(text(a, from, end));
                } else {
                    header(a, from, end);
                }
                break;
            default:
                legacyBodyLine(a, from, end);
        }
    }

    /**
     * A line longer than the limit, of {@code length} bytes (its CR included, LF not), whose last
     * bytes are in {@link #longLineTail}: the packet is dropped. Nothing else is learnt from it but
     * whether it ends a legacy Command body.
     */
    private void longLine(long length) {
        drop(DroppedPacket.Reason.LINE_LENGTH);
        packetBytes += length + 1;
        if (state == State.BANNER) {
            state = State.HEADERS;
        } else if (state != State.HEADERS) {
            if (longLineEndsWithEndCommand()) {
                endLegacyBody();
            } else {
                state = State.LEGACY_BODY;
            }
        }
    }

    private boolean longLineEndsWithEndCommand() {
        int end = longLineTailLength;
        if (end > 0 && longLineTail[end - 1] == CR) {
            end--;
        }
        int n = END_COMMAND.length;
        return end >= n && Arrays.equals(longLineTail, end - n, end, END_COMMAND, 0, n);
    }

    private void header(byte[] a, int from, int end) {
        if (!count(end - from)) {
            if (dropActionId == null && startsWithIgnoreCase(a, from, end, ACTION_ID_PREFIX)) {
                int valueFrom = valueStart(a, from + ACTION_ID_PREFIX.length - 1, end);
                dropActionId = valueFrom >= end ? "" : text(a, valueFrom, end);
            }
            return;
        }
        int colon = Bytes.indexOf(a, from, end, COLON, Bytes.COLON_PATTERN);
        if (colon < 0) {
            colon = end;
        }
        String name = headerNames.name(a, from, colon);
        // A known name other than ActionID itself (Priority, Uniqueid...) is never ActionID in another case.
        if (actionIdIndex < 0 && (name == HeaderNames.ACTION_ID
                || !headerNames.lastIsKnown && name.equalsIgnoreCase(HeaderNames.ACTION_ID))) {
            actionIdIndex = headerCount;
        }
        int valueFrom = valueStart(a, colon, end);
        String value;
        if (valueFrom >= end) {
            value = "";
        } else if (headerNames.lastHasRepeatingValues && end - valueFrom <= ValueCache.MAX_LENGTH) {
            value = valueCache.value(a, valueFrom, end);
        } else {
            value = text(a, valueFrom, end);
        }
        if (headerCount == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
            values = Arrays.copyOf(values, values.length * 2);
        }
        names[headerCount] = name;
        values[headerCount] = value;
        headerCount++;
        if (headerCount == 1) {
            followsResponse = name.equalsIgnoreCase(HeaderNames.RESPONSE) && value.equalsIgnoreCase("Follows");
        } else if (followsResponse && state == State.HEADERS && name.equalsIgnoreCase(HeaderNames.PRIVILEGE)
                && value.equalsIgnoreCase("Command")) {
            state = State.LEGACY_BODY_START;
            legacyBody = new ArrayList<>();
        }
    }

    /** Where the value starts after the colon at {@code colon}: one space is dropped, the rest kept. */
    private static int valueStart(byte[] a, int colon, int end) {
        int valueFrom = colon + 1;
        return valueFrom < end && a[valueFrom] == ' ' ? valueFrom + 1 : valueFrom;
    }

    private void legacyBodyLine(byte[] a, int from, int end) {
        int n = END_COMMAND.length;
        if (end - from >= n && Arrays.equals(a, end - n, end, END_COMMAND, 0, n)) {
            // the body may not end in a newline: its last line then precedes the marker
            if (end - n > from) {
                addBodyLine(a, from, end - n);
            }
            endLegacyBody();
            return;
        }
        if (state == State.LEGACY_BODY_START && startsWithIgnoreCase(a, from, end, ACTION_ID_PREFIX)) {
            header(a, from, end);
            return;
        }
        state = State.LEGACY_BODY;
        addBodyLine(a, from, end);
    }

    private void addBodyLine(byte[] a, int from, int end) {
        if (count(end - from)) {
            legacyBody.add(text(a, from, end));
        }
    }

    private void endLegacyBody() {
        followsResponse = false;
        state = State.HEADERS;
    }

    /** Counts a line towards the packet's size; false when the packet is (now) being dropped. */
    private boolean count(int lineLength) {
        packetBytes += countedLineBytes(lineLength);
        if (dropReason != null) {
            return false;
        }
        if (packetBytes > maxPacketBytes) {
            drop(DroppedPacket.Reason.PACKET_BYTES);
            return false;
        }
        return true;
    }

    /** Starts dropping the packet in progress (unless it already is): keeps what identifies it, frees the rest. */
    private void drop(DroppedPacket.Reason reason) {
        if (dropReason != null) {
            return;
        }
        dropReason = reason;
        if (headerCount > 0) {
            dropFirstHeader = abbreviated(names[0] + ": " + values[0]);
        }
        for (int i = 0; i < headerCount && dropActionId == null; i++) {
            if (names[i].equalsIgnoreCase(HeaderNames.ACTION_ID)) {
                dropActionId = values[i];
            }
        }
        releaseHeaders();
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private void endPacket(AmiMessageSink sink) {
        if (dropReason != null) {
            long limit = dropReason == DroppedPacket.Reason.LINE_LENGTH ? maxLineLength : maxPacketBytes;
            DroppedPacket dropped = new DroppedPacket(dropReason, limit, packetBytes, dropFirstHeader, dropActionId);
            clearPacket();
            sink.onDropped(dropped);
            return;
        }
        if (headerCount == 0) {
            return;
        }
        AmiMessage message = new AmiMessage(server, Arrays.copyOf(names, headerCount), Arrays.copyOf(values, headerCount),
                actionIdIndex < 0 ? null : values[actionIdIndex], legacyBody, packetBytes);
        clearPacket();
        sink.onMessage(message);
    }

    private void clearPacket() {
        releaseHeaders();
        packetBytes = 0;
        followsResponse = false;
        dropReason = null;
        dropFirstHeader = null;
        dropActionId = null;
        state = State.HEADERS;
    }

    private void releaseHeaders() {
        headerCount = 0;
        actionIdIndex = -1;
        legacyBody = null;
        if (names.length > HEADER_ARRAYS_KEPT) {
            names = new String[HEADER_ARRAYS];
            values = new String[HEADER_ARRAYS];
        }
    }

    private static boolean startsWithIgnoreCase(byte[] a, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int x = a[from + i];
            int y = prefix[i];
            if (x != y && ((x | 0x20) != (y | 0x20) || !Character.isLetter(y))) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 text; the JDK copies ASCII bytes straight into a Latin-1 String. */
    private static String text(byte[] a, int from, int end) {
        return new String(a, from, end - from, StandardCharsets.UTF_8);
    }
}
