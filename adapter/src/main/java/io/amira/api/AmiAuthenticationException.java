package io.amira.api;

/**
 * Asterisk refused the login: wrong username or secret, or the user's {@code permit}/{@code deny} in
 * {@code manager.conf} excludes this host. Retrying with the same credentials will not help. The
 * message names the server and the user, never the secret.
 */
public class AmiAuthenticationException extends AmiConnectException {

    private static final long serialVersionUID = 1L;

    public AmiAuthenticationException(String message) {
        super(message);
    }

    public AmiAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
