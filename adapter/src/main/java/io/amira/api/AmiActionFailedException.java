package io.amira.api;

/**
 * Asterisk answered an action with {@code Response: Error} (or ended a list with
 * {@code EventList: cancelled}). {@link #response()} holds the whole answer, Command output included.
 */
public class AmiActionFailedException extends AmiException {

    private static final long serialVersionUID = 1L;

    private final transient AmiResponse response;

    public AmiActionFailedException(String message, AmiResponse response) {
        super(message);
        this.response = response;
    }

    /** Asterisk's answer; {@code null} only after deserialization. */
    public AmiResponse response() {
        return response;
    }
}
