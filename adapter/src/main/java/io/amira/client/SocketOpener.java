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
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Opens the session's socket: TCP, or TLS with the configured trust and hostname verification. */
final class SocketOpener {

    private SocketOpener() {
    }

    static Socket open(AmiClientConfig config) throws AmiConnectException {
        int connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.connectTimeout().toMillis()));
        SSLSocketFactory tlsFactory = config.tls() ? tlsFactory(config) : null;
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.setKeepAlive(true);
            tcp.connect(new InetSocketAddress(config.host(), config.port()), connectTimeoutMillis);
            if (tlsFactory == null) {
                return tcp;
            }
            SSLSocket tls = (SSLSocket) tlsFactory.createSocket(tcp, config.host(), config.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            if (config.verifyHostname()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(connectTimeoutMillis);
            tls.startHandshake();
            return tls;
        } catch (SSLHandshakeException e) {
            closeQuietly(tcp);
            throw new AmiConnectException("TLS handshake with " + config.server() + " failed: " + e.getMessage()
                    + ". Check that the trust store holds the server's certificate (or its CA) and that the"
                    + " certificate names the host" + (config.verifyHostname() ? " (hostname verification is on)" : ""), e);
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new AmiConnectException("Cannot connect to the AMI at " + config.server() + ": " + e
                    + ". Check the host and port, and that manager.conf has enabled = yes"
                    + (config.tls() ? " and tlsenable = yes" : ""), e);
        }
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
