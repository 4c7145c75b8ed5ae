package io.amira.api;

/** An extension's hint state as {@code ExtensionState} and {@code ExtensionStatus} report it ({@code Status}). */
public enum ExtensionStatus {
    REMOVED(-2, "Removed"),
    DEACTIVATED(-1, "Unknown"),
    NOT_INUSE(0, "Idle"),
    INUSE(1, "InUse"),
    BUSY(2, "Busy"),
    UNAVAILABLE(4, "Unavailable"),
    RINGING(8, "Ringing"),
    INUSE_RINGING(9, "InUse&Ringing"),
    ONHOLD(16, "Hold"),
    INUSE_ONHOLD(17, "InUse&Hold"),
    UNKNOWN(Integer.MIN_VALUE, "Unknown");

    private final int code;
    private final String text;

    ExtensionStatus(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The numeric {@code Status} value. */
    public int code() {
        return code;
    }

    /** The {@code StatusText} Asterisk sends with it. */
    public String text() {
        return text;
    }

    public static ExtensionStatus fromCode(int code) {
        for (ExtensionStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** The status for a {@code Status} header value; {@link #UNKNOWN} when absent or not a known number. */
    public static ExtensionStatus fromHeader(String value) {
        return fromCode(Codes.parse(value, UNKNOWN.code));
    }
}
