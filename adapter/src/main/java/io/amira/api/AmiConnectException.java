package io.amira.api;

/**
 * No AMI session could be had: the server refused or did not answer the connection, the TLS
 * handshake failed, the configuration lacks what a login needs, or the pool had no connection to
 * give within its blocking timeout. Nothing was sent; trying again later may succeed.
 */
public class AmiConnectException extends AmiException {

    private static final long serialVersionUID = 1L;

    public AmiConnectException(String message) {
        super(message);
    }

    public AmiConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
