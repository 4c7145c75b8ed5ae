package io.amira.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dependencies between the adapter's packages point one way:
 * {@code api} ← {@code protocol} ← {@code client} ← {@code config} ← {@code outbound}/{@code inbound}/{@code live}
 * ← the resource adapter ({@code io.amira}); {@code log} and {@code work} sit beside them for
 * everyone who logs or runs work. Every reference to an {@code io.amira} package in a source file
 * counts: imports, qualified names, Javadoc links.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/io/amira");
    private static final String ROOT = "(root)";
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.amira\\.([A-Za-z_]\\w*)");

    /** What each package may use besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "api", Set.of(),
            "log", Set.of(),
            "protocol", Set.of("api"),
            "client", Set.of("api", "protocol", "log"),
            "config", Set.of("api", "protocol", "client", "log"),
            "work", Set.of(),
            "outbound", Set.of("api", "protocol", "client", "config", "log", "work"),
            "inbound", Set.of("api", "protocol", "client", "config", "log", "work"),
            "live", Set.of("api", "protocol", "client", "config", "log", "work"),
            ROOT, Set.of("api", "protocol", "client", "config", "log", "work", "outbound", "inbound", "live"));

    @Test
    void packagesDependOnlyDownwards() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                violations.addAll(violations(packageOf(SOURCES.relativize(file)), file.toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aForbiddenReferenceIsReported() {
        String outbound = "package io.amira.outbound;\nimport io.amira.AmiraResourceAdapter;\nimport io.amira.config.ServerProperties;\n";
        String api = "package io.amira.api;\n/** See {@link io.amira.client.AmiClient}. */\ninterface X {}\n";

        assertEquals(List.of("Sample.java: outbound uses (root) (io.amira.AmiraResourceAdapter)"),
                violations("outbound", "Sample.java", outbound));
        assertEquals(List.of("X.java: api uses client (io.amira.client)"), violations("api", "X.java", api));
    }

    private static List<String> violations(String layer, String file, String source) {
        Set<String> allowed = ALLOWED.get(layer);
        if (allowed == null) {
            return List.of(file + ": package " + layer + " has no place in LayeringTest.ALLOWED");
        }
        List<String> found = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(source);
        while (reference.find()) {
            String segment = reference.group(1);
            String used = Character.isUpperCase(segment.charAt(0)) ? ROOT : segment;
            if (!used.equals(layer) && !allowed.contains(used)) {
                String violation = file + ": " + layer + " uses " + used + " (" + reference.group() + ")";
                if (!found.contains(violation)) {
                    found.add(violation);
                }
            }
        }
        return found;
    }

    private static String packageOf(Path relative) {
        return relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
    }
}
