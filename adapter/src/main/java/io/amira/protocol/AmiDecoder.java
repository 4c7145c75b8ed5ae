package io.amira.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental AMI decoder: feed it bytes as they arrive, in chunks cut anywhere, and it hands
 * the banner and each complete packet to an {@link AmiMessageSink}. One decoder per connection;
 * not thread-safe.
 *
 * <p>What it understands:
 * <ul>
 * <li>The banner: the first line of the stream, when it holds no colon
 *     ({@code Asterisk Call Manager/11.0.0}); it may share a read with the next packet.</li>
 * <li>Packets: {@code Name: value} lines ended by CR LF (a bare LF is accepted too), ended by an
 *     empty line. One space after the colon is dropped; everything else of the value is kept,
 *     leading and trailing spaces included. A line without a colon becomes a header with an
 *     empty value. Empty lines between packets are ignored.</li>
 * <li>Command output, both forms: Asterisk 14+ sends one {@code Output:} header per line (plain
 *     headers); Asterisk 13 and older send {@code Response: Follows}, {@code Privilege: Command},
 *     an optional {@code ActionID}, then a raw body (bare-LF lines and empty lines allowed) ending
 *     with {@code --END COMMAND--} and an empty line. The body lines land in
 *     {@link AmiMessage#outputLines()}.</li>
 * <li>Text is decoded as UTF-8 (ASCII stays on a fast path).</li>
 * </ul>
 *
 * <p>Limits: a line longer than {@link #maxLineLength()} bytes (CR LF not counted), a packet
 * with more than {@link #maxHeadersPerPacket()} headers (legacy Command body lines count as
 * headers), or a packet of more than {@link #maxPacketBytes()} bytes ends in an
 * {@link AmiDecodeException} naming the limit. The decoder never buffers more than one line of at
 * most {@code maxLineLength + 1} bytes, and a packet in progress never holds more than
 * {@code maxPacketBytes} of text.
 *
 * <p>After an {@link AmiDecodeException} the packet in progress is dropped and the decoder
 * <b>resynchronises</b>: it skips input up to the next empty line, then decodes normally again.
 * The buffer passed to the failing call is left positioned just after the bytes consumed, so the
 * caller may pass it again to carry on; or call {@link #reset()} to start over as on a fresh
 * connection (banner expected). A client will usually just close the connection.
 */
public final class AmiDecoder {

    /** Default longest line accepted from the server, in bytes, CR LF not counted. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 16 * 1024;
    /** Default most headers (or legacy Command body lines) accepted in one packet. */
    public static final int DEFAULT_MAX_HEADERS_PER_PACKET = 8 * 1024;
    /** Default largest packet accepted, in bytes of its lines (CR LF included). */
    public static final int DEFAULT_MAX_PACKET_BYTES = 8 * 1024 * 1024;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID_PREFIX = "ActionID:".getBytes(StandardCharsets.US_ASCII);
    private static final int DIRECT_CHUNK = 8 * 1024;

    private enum State { BANNER, HEADERS, LEGACY_BODY_START, LEGACY_BODY, SKIPPING }

    private final int maxLineLength;
    private final int maxHeadersPerPacket;
    private final int maxPacketBytes;
    private final String server;
    private final HeaderNames headerNames = new HeaderNames();
    private final ValueCache valueCache = new ValueCache();

    private State state = State.BANNER;
    /** The start of a line cut by the end of a read. */
    private byte[] partial;
    private int partialLength;
    /** For direct buffers, which have no array to scan in place. */
    private byte[] directChunk;

    private String[] names = new String[64];
    private String[] values = new String[64];
    private int headerCount;
    private int packetBytes;
    private boolean followsResponse;
    private List<String> legacyBody;

    /** While skipping after an error: whether the current line has had any byte besides CR. */
    private boolean skippedLineHasContent;
    /** How far into the current array the decoder has consumed, for positioning the caller's buffer. */
    private int consumed;

    public AmiDecoder() {
        this(null);
    }

    /** A decoder whose messages name {@code server} ({@code host:port}) as their {@link AmiMessage#server()}. */
    public AmiDecoder(String server) {
        this(server, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_HEADERS_PER_PACKET, DEFAULT_MAX_PACKET_BYTES);
    }

    public AmiDecoder(int maxLineLength, int maxHeadersPerPacket) {
        this(null, maxLineLength, maxHeadersPerPacket, DEFAULT_MAX_PACKET_BYTES);
    }

    public AmiDecoder(String server, int maxLineLength, int maxHeadersPerPacket, int maxPacketBytes) {
        this.server = server;
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("maxLineLength must be at least 64 bytes, was " + maxLineLength);
        }
        if (maxHeadersPerPacket < 1) {
            throw new IllegalArgumentException("maxHeadersPerPacket must be at least 1, was " + maxHeadersPerPacket);
        }
        this.maxLineLength = maxLineLength;
        if (maxPacketBytes < maxLineLength) {
            throw new IllegalArgumentException("maxPacketBytes (" + maxPacketBytes
                    + ") must be at least maxLineLength (" + maxLineLength + ")");
        }
        this.maxHeadersPerPacket = maxHeadersPerPacket;
        this.maxPacketBytes = maxPacketBytes;
        this.partial = new byte[Math.min(256, maxLineLength + 1)];
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    public int maxHeadersPerPacket() {
        return maxHeadersPerPacket;
    }

    public int maxPacketBytes() {
        return maxPacketBytes;
    }

    /**
     * Decodes every remaining byte of {@code bytes} (its position ends at its limit), handing each
     * complete packet to {@code sink}; an incomplete last line or packet is kept for the next call.
     *
     * @throws AmiDecodeException when a limit is hit; {@code bytes} is then positioned after the
     *         bytes consumed (see the class comment for how to carry on)
     */
    public void decode(ByteBuffer bytes, AmiMessageSink sink) throws AmiDecodeException {
        if (bytes.hasArray()) {
            int base = bytes.arrayOffset();
            int from = base + bytes.position();
            try {
                decodeRange(bytes.array(), from, base + bytes.limit(), sink);
            } finally {
                bytes.position(consumed - base);
            }
            return;
        }
        if (directChunk == null) {
            directChunk = new byte[DIRECT_CHUNK];
        }
        while (bytes.hasRemaining()) {
            int start = bytes.position();
            int n = Math.min(bytes.remaining(), directChunk.length);
            bytes.get(directChunk, 0, n);
            try {
                decodeRange(directChunk, 0, n, sink);
            } finally {
                bytes.position(start + consumed);
            }
        }
    }

    /** Decodes {@code bytes[offset, offset + length)}; see {@link #decode(ByteBuffer, AmiMessageSink)}. */
    public void decode(byte[] bytes, int offset, int length, AmiMessageSink sink) throws AmiDecodeException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        decodeRange(bytes, offset, offset + length, sink);
    }

    /** Forgets everything: the partial line, the packet in progress; the next line may be a banner. */
    public void reset() {
        state = State.BANNER;
        partialLength = 0;
        clearPacket();
    }

    /** Bytes held for a line cut by the end of a read (never more than {@code maxLineLength + 1}). */
    int bufferedBytes() {
        return partialLength;
    }

    /** The capacity of the partial-line buffer, for tests of the memory bound. */
    int bufferCapacity() {
        return partial.length;
    }

    private void decodeRange(byte[] a, int p, int end, AmiMessageSink sink) throws AmiDecodeException {
        consumed = p;
        while (p < end) {
            if (state == State.SKIPPING) {
                p = skipToEmptyLine(a, p, end);
                consumed = p;
                continue;
            }
            int lf = Bytes.indexOf(a, p, end, LF, Bytes.LF_PATTERN);
            if (lf < 0) {
                keepPartial(a, p, end);
                consumed = end;
                return;
            }
            if (partialLength > 0) {
                appendPartial(a, p, lf);
                consumed = lf + 1;
                int length = partialLength;
                partialLength = 0;
                line(partial, 0, length, sink);
            } else {
                consumed = lf + 1;
                line(a, p, lf, sink);
            }
            p = lf + 1;
        }
    }

    private void keepPartial(byte[] a, int from, int end) throws AmiDecodeException {
        int n = end - from;
        // one byte more than the limit: the line's CR may already be here, its LF not yet
        if (partialLength + n > maxLineLength + 1) {
            int seen = partialLength + n;
            partialLength = 0;
            failInsideLine(AmiDecodeException.Limit.LINE_LENGTH, "AMI line longer than " + maxLineLength
                    + " bytes (already " + seen + " bytes without a line end); packet dropped");
        }
        ensurePartialCapacity(partialLength + n);
        System.arraycopy(a, from, partial, partialLength, n);
        partialLength += n;
    }

    private void appendPartial(byte[] a, int from, int lf) throws AmiDecodeException {
        int n = lf - from;
        int total = partialLength + n;
        int content = total;
        if (n > 0 ? a[lf - 1] == CR : partial[partialLength - 1] == CR) {
            content--;
        }
        if (content > maxLineLength) {
            partialLength = 0;
            failAtLineEnd(AmiDecodeException.Limit.LINE_LENGTH, "AMI line of " + content
                    + " bytes, longer than the limit of " + maxLineLength + " bytes; packet dropped");
        }
        ensurePartialCapacity(total);
        System.arraycopy(a, from, partial, partialLength, n);
        partialLength = total;
    }

    private void ensurePartialCapacity(int needed) {
        if (needed > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(Math.max(needed, partial.length * 2), maxLineLength + 1));
        }
    }

    /** One line, {@code a[from, lf)}, LF excluded. */
    private void line(byte[] a, int from, int lf, AmiMessageSink sink) throws AmiDecodeException {
        int end = lf;
        if (end > from && a[end - 1] == CR) {
            end--;
        }
        if (end - from > maxLineLength) {
            failAtLineEnd(AmiDecodeException.Limit.LINE_LENGTH, "AMI line of " + (end - from)
                    + " bytes, longer than the limit of " + maxLineLength + " bytes; packet dropped");
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
            case LEGACY_BODY_START:
            case LEGACY_BODY:
                legacyBodyLine(a, from, end);
                break;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private void header(byte[] a, int from, int end) throws AmiDecodeException {
        if (headerCount + bodyLines() >= maxHeadersPerPacket) {
            tooManyHeaders();
        }
        countPacketBytes(end - from);
        int colon = Bytes.indexOf(a, from, end, COLON, Bytes.COLON_PATTERN);
        if (colon < 0) {
            colon = end;
        }
        String name = headerNames.name(a, from, colon);
        int valueFrom = colon + 1;
        if (valueFrom < end && a[valueFrom] == ' ') {
            valueFrom++;
        }
        String value;
        if (valueFrom >= end) {
            value = "";
        } else if (headerNames.lastHasRepeatingValues && end - valueFrom <= ValueCache.MAX_LENGTH) {
            value = valueCache.value(a, valueFrom, end);
        } else {
            value = text(a, valueFrom, end);
        }
        if (headerCount == names.length) {
            int grown = Math.min(names.length * 2, maxHeadersPerPacket);
            names = Arrays.copyOf(names, grown);
            values = Arrays.copyOf(values, grown);
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

    private void legacyBodyLine(byte[] a, int from, int end) throws AmiDecodeException {
        int n = END_COMMAND.length;
        if (end - from >= n && Arrays.equals(a, end - n, end, END_COMMAND, 0, n)) {
            // the body may not end in a newline: its last line then precedes the marker
            if (end - n > from) {
                addBodyLine(a, from, end - n);
            }
            followsResponse = false;
            state = State.HEADERS;
            return;
        }
        if (state == State.LEGACY_BODY_START && startsWithIgnoreCase(a, from, end, ACTION_ID_PREFIX)) {
            header(a, from, end);
            return;
        }
        state = State.LEGACY_BODY;
        addBodyLine(a, from, end);
    }

    private void addBodyLine(byte[] a, int from, int end) throws AmiDecodeException {
        if (headerCount + bodyLines() >= maxHeadersPerPacket) {
            tooManyHeaders();
        }
        countPacketBytes(end - from);
        legacyBody.add(text(a, from, end));
    }

    private void countPacketBytes(int lineLength) throws AmiDecodeException {
        packetBytes += lineLength + 2;
        if (packetBytes > maxPacketBytes) {
            String what = headerCount > 0 ? " (first header " + abbreviated(names[0] + ": " + values[0]) + ")" : "";
            failAtLineEnd(AmiDecodeException.Limit.PACKET_BYTES, "AMI packet larger than " + maxPacketBytes
                    + " bytes" + what + "; packet dropped");
        }
    }

    private int bodyLines() {
        return legacyBody == null ? 0 : legacyBody.size();
    }

    private void tooManyHeaders() throws AmiDecodeException {
        String what = headerCount > 0 ? " (first header " + abbreviated(names[0] + ": " + values[0]) + ")" : "";
        failAtLineEnd(AmiDecodeException.Limit.HEADERS_PER_PACKET, "AMI packet with more than "
                + maxHeadersPerPacket + " headers" + what + "; packet dropped");
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private void endPacket(AmiMessageSink sink) {
        if (headerCount == 0) {
            return;
        }
        AmiMessage message = new AmiMessage(server, Arrays.copyOf(names, headerCount), Arrays.copyOf(values, headerCount),
                legacyBody);
        clearPacket();
        sink.onMessage(message);
    }

    private void clearPacket() {
        headerCount = 0;
        packetBytes = 0;
        followsResponse = false;
        legacyBody = null;
        if (state != State.BANNER) {
            state = State.HEADERS;
        }
    }

    /** A limit was hit after the offending line was consumed: skip from the next line on. */
    private void failAtLineEnd(AmiDecodeException.Limit limit, String message) throws AmiDecodeException {
        clearPacket();
        state = State.SKIPPING;
        skippedLineHasContent = false;
        throw new AmiDecodeException(limit, message);
    }

    /** A limit was hit in the middle of a line: skip the rest of it, then on to an empty line. */
    private void failInsideLine(AmiDecodeException.Limit limit, String message) throws AmiDecodeException {
        clearPacket();
        state = State.SKIPPING;
        skippedLineHasContent = true;
        throw new AmiDecodeException(limit, message);
    }

    /** Returns the position after the empty line that ends the skip, or {@code end}. */
    private int skipToEmptyLine(byte[] a, int p, int end) {
        for (; p < end; p++) {
            byte b = a[p];
            if (b == LF) {
                if (!skippedLineHasContent) {
                    state = State.HEADERS;
                    return p + 1;
                }
                skippedLineHasContent = false;
            } else if (b != CR) {
                skippedLineHasContent = true;
            }
        }
        return end;
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
