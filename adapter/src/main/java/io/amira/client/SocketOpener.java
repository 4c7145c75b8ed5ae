package io.amira.client;

import io.amira.api.AmiConnectException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/** Opens the session's socket: TCP, or TLS with the configured trust and hostname verification, within the connect deadline. */
final class SocketOpener {

    private SocketOpener() {
    }

    /**
     * The connected socket (TLS: handshaken), both done before {@code deadlineNanos}
     * ({@link System#nanoTime()}): the connect timeout covers them and the login together.
     */
    static Socket open(AmiClientConfig config, long deadlineNanos) throws AmiConnectException {
        SSLSocketFactory tlsFactory = config.tls() ? tlsFactory(config) : null;
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.setKeepAlive(true);
            tcp.connect(new InetSocketAddress(config.host(), config.port()), remainingMillis(config, deadlineNanos));
            if (tlsFactory == null) {
                return tcp;
            }
            SSLSocket tls = (SSLSocket) tlsFactory.createSocket(tcp, config.host(), config.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            if (config.verifyHostname()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(remainingMillis(config, deadlineNanos));
            tls.startHandshake();
            return tls;
        } catch (SSLHandshakeException e) {
            closeQuietly(tcp);
            throw new AmiConnectException("TLS handshake with " + config.server() + " failed: " + e.getMessage()
                    + ". Check that the trust store holds the server's certificate (or its CA)"
                    + (config.verifyHostname() ? " and that the certificate names the host " + config.host()
                    + " (hostname verification is on; VerifyHostname false turns it off)" : ""), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(tcp);
            throw timedOut(config, tcp.isConnected() ? "the TLS handshake" : "the TCP connect", e);
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new AmiConnectException("Cannot connect to the AMI at " + config.server() + ": " + e
                    + ". Check the host and port, and that manager.conf has enabled = yes"
                    + (config.tls() ? " and tlsenable = yes" : ""), e);
        }
    }

    /**
     * What is left of the connect deadline, for a socket timeout (at least 1 ms).
     *
     * @throws SocketTimeoutException when nothing is left
     */
    private static int remainingMillis(AmiClientConfig config, long deadlineNanos) throws SocketTimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            throw new SocketTimeoutException("connect timeout of " + config.connectTimeout().toMillis() + " ms passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    /** The connect timeout passed during {@code step} (the TCP connect, the TLS handshake, the Login, ...). */
    static AmiConnectException timedOut(AmiClientConfig config, String step, Exception cause) {
        return new AmiConnectException("No AMI session to " + config.server() + " within the connect timeout of "
                + config.connectTimeout().toMillis() + " ms: " + step + " did not complete in time (ConnectTimeoutMillis"
                + " bounds TCP connect, TLS handshake, Challenge and Login together). Check that the server is reachable"
                + " and not overloaded, or raise the connect timeout", cause);
    }

    private static SSLSocketFactory tlsFactory(AmiClientConfig config) throws AmiConnectException {
        try {
            if (config.trustStore() == null) {
                return SSLContext.getDefault().getSocketFactory();
            }
            String type = config.trustStoreType() == null ? KeyStore.getDefaultType() : config.trustStoreType();
            KeyStore trustStore = KeyStore.getInstance(type);
            char[] password = config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray();
            try (InputStream in = Files.newInputStream(config.trustStore())) {
                trustStore.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new AmiConnectException("Cannot load the TLS trust store " + config.trustStore() + " (type "
                    + config.trustStoreType() + ") for " + config.server() + ": " + e.getMessage()
                    + ". Check its path, type and password", e);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            ClientLog.SOCKET_CLOSE_FAILED.log(e);
        }
    }
}
