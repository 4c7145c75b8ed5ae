package io.amira.protocol;

import java.io.IOException;

/**
 * The bytes from the server broke one of the decoder's limits. The message says which limit, its
 * value and what was seen; {@link #limit()} says the same for code. See {@link AmiDecoder} for how
 * the decoder carries on afterwards.
 */
public final class AmiDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The limit that was hit. */
    public enum Limit {
        /** A line longer than {@link AmiDecoder#maxLineLength()} bytes (CR LF not counted). */
        LINE_LENGTH,
        /** More than {@link AmiDecoder#maxHeadersPerPacket()} headers (or legacy Command body lines) in one packet. */
        HEADERS_PER_PACKET,
        /** A packet larger than {@link AmiDecoder#maxPacketBytes()} bytes, CR LF included. */
        PACKET_BYTES
    }

    private final Limit limit;

    AmiDecodeException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
