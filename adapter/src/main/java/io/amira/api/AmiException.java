package io.amira.api;

/**
 * Something went wrong talking to Asterisk: the one family of checked exceptions Amira's typed API
 * throws, from getting a pooled connection to every action. The message names the action, the
 * server ({@code host:port}) and, where there is one, Asterisk's own {@code Message}; it never holds
 * a secret.
 *
 * <p>It extends {@link Exception}, not {@code jakarta.resource.ResourceException}, so that the
 * plain-Java client ({@code AmiClient}) runs without Jakarta on the class path.
 * Inside the application server, {@link AmiConnectionFactory#getConnection()} turns the
 * container's {@code ResourceException}s (pool exhausted, server unreachable, login refused) into
 * subclasses of this one, with the container's exception as the cause. The CCI view
 * ({@link AmiConnectionFactory#cci()}) keeps the {@code ResourceException}s the CCI specification
 * prescribes.
 *
 * <p>Subclasses: {@link AmiConnectException} (no session could be had; {@link AmiAuthenticationException}
 * when the login was refused), {@link AmiConnectionLostException} (the session died),
 * {@link AmiTimeoutException}, {@link AmiActionFailedException} ({@code Response: Error}) and
 * {@link AmiPermissionDeniedException}.
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
