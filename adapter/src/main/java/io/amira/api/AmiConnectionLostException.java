package io.amira.api;

/**
 * The AMI session is gone (socket closed or reset, keepalive unanswered, Asterisk restarted, client
 * closed): the action may or may not have run on Asterisk. Get a new connection (the pool replaces
 * the dead one) to continue.
 */
public class AmiConnectionLostException extends AmiException {

    private static final long serialVersionUID = 1L;

    public AmiConnectionLostException(String message) {
        super(message);
    }

    public AmiConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
