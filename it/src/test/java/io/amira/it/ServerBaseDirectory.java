package io.amira.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
}
