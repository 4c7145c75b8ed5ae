package io.amira.api;

/** A channel's state as AMI reports it ({@code ChannelState} and {@code ChannelStateDesc}). */
public enum ChannelState {
    DOWN(0, "Down"),
    RESERVED(1, "Rsrvd"),
    OFF_HOOK(2, "OffHook"),
    DIALING(3, "Dialing"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy"),
    DIALING_OFFHOOK(8, "Dialing Offhook"),
    PRE_RING(9, "Pre-ring"),
    UNKNOWN(-1, "Unknown");

    private final int code;
    private final String description;

    ChannelState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The numeric {@code ChannelState} value. */
    public int code() {
        return code;
    }

    /** The {@code ChannelStateDesc} text Asterisk uses. */
    public String description() {
        return description;
    }

    public static ChannelState fromCode(int code) {
        for (ChannelState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** The state for a {@code ChannelState} header value; {@link #UNKNOWN} when absent or not a known number. */
    public static ChannelState fromHeader(String value) {
        return fromCode(Codes.parse(value, UNKNOWN.code));
    }
}
