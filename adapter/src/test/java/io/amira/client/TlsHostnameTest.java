package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnectException;
import io.amira.simulator.AmiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.amira.client.SimulatorClients.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostname verification against a server whose certificate is trusted but names another host
 * ({@code other.example}): the handshake fails and says which host the certificate should name;
 * with verification off the same server is accepted. The server is a TLS front (key pair made by
 * the JDK's keytool) relaying to the plain simulator, whose own certificate names 127.0.0.1.
 */
class TlsHostnameTest {

    private static final String PASSWORD = "amira-test";

    @TempDir
    static Path keys;
    private static AmiSimulator simulator;
    private static TlsRelay relay;
    private static Path trustStore;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = keys.resolve("other.p12");
        Path certificate = keys.resolve("other.cer");
        trustStore = keys.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=other.example", "-ext", "SAN=dns:other.example",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "other", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "other", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        simulator = AmiSimulator.start();
        relay = new TlsRelay(serverContext(keyStore), simulator.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aCertificateForAnotherNameFailsTheHandshakeNamingTheExpectedHost() {
        long loginsBefore = simulator.logins();
        AmiConnectException e = assertThrows(AmiConnectException.class,
                () -> AmiClient.connect(tlsToRelay().build(), null));

        String message = e.getMessage();
        assertTrue(message.contains("TLS handshake with 127.0.0.1:" + relay.port() + " failed"), message);
        assertTrue(message.contains("names the host 127.0.0.1"), message);
        assertTrue(message.contains("VerifyHostname"), message);
        assertEquals(loginsBefore, simulator.logins(), "nothing reached the server");
    }

    @Test
    void withoutHostnameVerificationTheSameServerIsAccepted() throws Exception {
        long loginsBefore = simulator.logins();
        try (AmiClient client = AmiClient.connect(tlsToRelay().verifyHostname(false).build(), null)) {
            assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        }
        assertEquals(loginsBefore + 1, simulator.logins());
    }

    private static AmiClientConfig.Builder tlsToRelay() {
        // A generous connect timeout: the first TLS handshakes of a JVM are slow on a busy machine.
        return admin(simulator).port(relay.port()).tls(true).connectTimeout(Duration.ofSeconds(30))
                .trustStore(trustStore).trustStorePassword(PASSWORD).trustStoreType("PKCS12");
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }

    /** Accepts TLS on an ephemeral port and relays each connection's bytes to and from a plain port. */
    private static final class TlsRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final List<Socket> sockets = new ArrayList<>();

        TlsRelay(SSLContext context, int target) throws IOException {
            this.target = target;
            this.server = context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
            ((SSLServerSocket) server).setNeedClientAuth(false);
            daemon("tls-relay-accept", this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    synchronized (sockets) {
                        sockets.add(client);
                        sockets.add(upstream);
                    }
                    daemon("tls-relay-up", () -> pump(client, upstream));
                    daemon("tls-relay-down", () -> pump(upstream, client));
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException("the TLS relay stopped accepting", e);
                }
            }
        }

        /** Copies until one side closes, then closes both, so the other direction ends too. */
        private static void pump(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                closeBoth(from, to);
            } catch (IOException ended) {
                closeBoth(from, to);
            }
        }

        private static void daemon(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeBoth(Socket one, Socket other) {
            try {
                one.close();
                other.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
