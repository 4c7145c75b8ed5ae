package io.amira.api;

/**
 * Asterisk answered {@code Permission denied}: the AMI user lacks the write class the action needs
 * (see {@code manager.conf}), or the session is not logged in.
 */
public class AmiPermissionDeniedException extends AmiException {

    private static final long serialVersionUID = 1L;

    private final transient AmiResponse response;

    public AmiPermissionDeniedException(String message, AmiResponse response) {
        super(message);
        this.response = response;
    }

    /** Asterisk's answer; {@code null} only after deserialization. */
    public AmiResponse response() {
        return response;
    }
}
