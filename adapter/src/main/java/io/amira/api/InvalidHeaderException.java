package io.amira.api;

/**
 * An action header that cannot be sent as a single AMI line: a name or value holding CR or LF
 * (which would let the value inject a second action), a malformed name, or a line longer than
 * Asterisk accepts. The message names the header and the action, never the value (it may be a
 * secret).
 */
public class InvalidHeaderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String headerName;

    public InvalidHeaderException(String headerName, String message) {
        super(message);
        this.headerName = headerName;
    }

    /** The name of the offending header as the caller gave it (may be {@code null} or empty when the name itself is missing). */
    public String headerName() {
        return headerName;
    }
}
