package io.amira.api;

/** Asterisk refused the login. The message names the server and the user, never the secret. */
public class AmiAuthenticationException extends AmiException {

    private static final long serialVersionUID = 1L;

    public AmiAuthenticationException(String message) {
        super(message);
    }

    public AmiAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
