package io.amira.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1/localhost made with the JDK's keytool (no network, no
 * library), created once per JVM in a temporary directory, plus a trust store holding only that
 * certificate for clients.
 */
final class TlsMaterial {
    static final String PASSWORD = "amira-sim";
    static final String TYPE = "PKCS12";
    private static TlsMaterial shared;

    final Path keyStore;
    final Path trustStore;
    final SSLContext context;

    private TlsMaterial(Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        KeyStore ks = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        this.context = ctx;
    }

    static synchronized TlsMaterial get() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("amira-sim-tls");
            dir.toFile().deleteOnExit();
            Path ks = dir.resolve("simulator-keystore.p12");
            Path cert = dir.resolve("simulator.cer");
            Path ts = dir.resolve("simulator-truststore.p12");
            keytool("-genkeypair", "-alias", "amira-sim", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost, O=Amira simulator", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", ks.toString(), "-storetype", TYPE, "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "amira-sim", "-keystore", ks.toString(), "-storetype", TYPE,
                    "-storepass", PASSWORD, "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", "amira-sim", "-file", cert.toString(),
                    "-keystore", ts.toString(), "-storetype", TYPE, "-storepass", PASSWORD);
            for (Path p : List.of(ks, cert, ts)) {
                p.toFile().deleteOnExit();
            }
            try {
                shared = new TlsMaterial(ks, ts);
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot load the simulator's generated key store " + ks + ": " + e.getMessage(), e);
            }
        }
        return shared;
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.add("-J-Duser.language=en");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.trim()
                        + ". Check that the JDK's keytool is present in " + System.getProperty("java.home"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
