package io.amira.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The WildFly base directory of this test run, {@code target/wildfly-base}: emptied at the start
 * of every run (Arquillian copies the pristine configuration into it), kept afterwards so the
 * server log can be read.
 */
public final class ServerBaseDirectory {

    private static final Path LOCATION = Path.of("target", "wildfly-base").toAbsolutePath();

    private ServerBaseDirectory() {
    }

    static Path fresh() {
        try {
            if (Files.exists(LOCATION)) {
                try (Stream<Path> paths = Files.walk(LOCATION)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + LOCATION, e);
        }
    }

    /** The server log of this run. */
    public static Path serverLog() {
        return LOCATION.resolve("log").resolve("server.log");
    }

    /** How long the server log is now: where a test's part of it begins. */
    public static long serverLogSize() throws IOException {
        return Files.size(serverLog());
    }

    /** The server log's lines written since it was {@code size} bytes long. */
    public static List<String> serverLogSince(long size) throws IOException {
        try (InputStream in = Files.newInputStream(serverLog())) {
            in.skipNBytes(size);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
