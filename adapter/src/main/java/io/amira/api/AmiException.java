package io.amira.api;

/**
 * Something went wrong talking to Asterisk. The message names the action, the server
 * ({@code host:port}) and, where there is one, Asterisk's own {@code Message}; it never holds a secret.
 */
public class AmiException extends Exception {

    private static final long serialVersionUID = 1L;

    public AmiException(String message) {
        super(message);
    }

    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
