package io.amira.api;

/**
 * Why an Originate ended the way it did: the {@code Reason} header of {@code OriginateResponse}
 * (Asterisk's control frame codes).
 */
public enum OriginateReason {
    /** No such extension or channel, or the call could not be placed at all. */
    FAILURE(0),
    /** The far end hung up before answering. */
    HANGUP(1),
    /** The far end rang but did not answer in time. */
    RING_TIMEOUT(3),
    /** The far end answered. */
    ANSWERED(4),
    BUSY(5),
    CONGESTION(8),
    UNKNOWN(-1);

    private final int code;

    OriginateReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OriginateReason fromCode(int code) {
        for (OriginateReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return UNKNOWN;
    }

    /** The reason for a {@code Reason} header value; {@link #UNKNOWN} when absent or not a known number. */
    public static OriginateReason fromHeader(String value) {
        return fromCode(Codes.parse(value, UNKNOWN.code));
    }
}
