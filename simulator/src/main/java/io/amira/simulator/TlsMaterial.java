package io.amira.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1/localhost made with the JDK's keytool (no network, no
 * library) in the temporary directory, plus a trust store holding only that certificate for
 * clients. The password is a fixed, public test value: it protects nothing.
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

    /**
     * The material of this JVM: reused from the temporary directory when an earlier run left it
     * there (keytool takes seconds on a busy machine), else generated and moved into place.
     */
    static synchronized TlsMaterial get() throws IOException {
        if (shared != null) {
            return shared;
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "amira-simulator-tls-v1");
        try {
            shared = load(home);
            return shared;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // absent or unreadable: generate below
        }
        Path dir = Files.createTempDirectory("amira-sim-tls");
        generate(dir);
        try {
            Files.move(dir, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM won the race or the directory is stale: use this JVM's own copy.
            home = dir;
        }
        try {
            shared = load(home);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load the simulator's generated key store in " + home + ": " + e.getMessage(), e);
        }
        return shared;
    }

    private static TlsMaterial load(Path dir) throws IOException, GeneralSecurityException {
        Path ks = dir.resolve("simulator-keystore.p12");
        Path ts = dir.resolve("simulator-truststore.p12");
        if (!Files.isReadable(ks) || !Files.isReadable(ts)) {
            throw new IOException("no key store in " + dir);
        }
        KeyStore trust = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(ts)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        return new TlsMaterial(ks, ts);
    }

    private static void generate(Path dir) throws IOException {
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
