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

/** Opens the session's socket: TCP, or TLS with the configured trust and hostname verification, within the connect deadline. */
final class SocketOpener {

    private SocketOpener() {
    }

    /**
     * The connected socket, TLS-handshaken when {@code tlsFactory} is given (see {@link #tlsFactory}),
     * both done within the connect's deadline.
     */
    static Socket open(AmiClientConfig config, SSLSocketFactory tlsFactory, ConnectDeadline deadline)
            throws AmiConnectException {
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.setKeepAlive(true);
            tcp.connect(new InetSocketAddress(config.host(), config.port()), deadline.remainingMillis());
            if (tlsFactory == null) {
                return tcp;
            }
            SSLSocket tls = (SSLSocket) tlsFactory.createSocket(tcp, config.host(), config.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            if (config.verifyHostname()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(deadline.remainingMillis());
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
            throw deadline.passed(tcp.isConnected() ? "the TLS handshake" : "the TCP connect", e);
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new AmiConnectException("Cannot connect to the AMI at " + config.server() + ": " + e
                    + ". Check the host and port, and that manager.conf has enabled = yes"
                    + (config.tls() ? " and tlsenable = yes" : ""), e);
        }
    }

    /**
     * The TLS socket factory with the configured trust, or null without TLS. Made before the connect's
     * deadline starts: loading a trust store is local work, not part of reaching the server.
     */
    static SSLSocketFactory tlsFactory(AmiClientConfig config) throws AmiConnectException {
        if (!config.tls()) {
            return null;
        }
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
