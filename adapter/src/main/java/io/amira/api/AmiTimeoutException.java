package io.amira.api;

/** No (complete) answer to an action arrived within its timeout. The session itself may still be fine. */
public class AmiTimeoutException extends AmiException {

    private static final long serialVersionUID = 1L;

    public AmiTimeoutException(String message) {
        super(message);
    }
}
