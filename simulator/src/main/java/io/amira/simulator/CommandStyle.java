package io.amira.simulator;

/** How the simulator answers the Command action. */
public enum CommandStyle {
    /** Asterisk 14 and later: {@code Response: Success}, {@code Message: Command output follows}, one {@code Output:} header per line. */
    MODERN,
    /** Asterisk 13 and older: {@code Response: Follows}, a raw body, then {@code --END COMMAND--}. */
    LEGACY
}
