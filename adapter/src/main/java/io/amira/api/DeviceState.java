package io.amira.api;

/** A device's state as {@code DeviceStateChange} and {@code DeviceStateList} report it ({@code State: INUSE}). */
public enum DeviceState {
    UNKNOWN(0, "UNKNOWN"),
    NOT_INUSE(1, "NOT_INUSE"),
    INUSE(2, "INUSE"),
    BUSY(3, "BUSY"),
    INVALID(4, "INVALID"),
    UNAVAILABLE(5, "UNAVAILABLE"),
    RINGING(6, "RINGING"),
    RINGINUSE(7, "RINGINUSE"),
    ONHOLD(8, "ONHOLD");

    private final int code;
    private final String text;

    DeviceState(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The text Asterisk sends, e.g. {@code NOT_INUSE}. */
    public String text() {
        return text;
    }

    /** The state for a header value, by its text or its number; {@link #UNKNOWN} otherwise. */
    public static DeviceState fromHeader(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String trimmed = value.trim();
        for (DeviceState state : values()) {
            if (state.text.equalsIgnoreCase(trimmed) || String.valueOf(state.code).equals(trimmed)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
