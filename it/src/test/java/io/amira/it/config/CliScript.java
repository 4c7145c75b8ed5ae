package io.amira.it.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs docs/wildfly/amira.cli with WildFly's own jboss-cli.sh against the test server, as an
 * operator would; only the script's {@code set name=value} lines are replaced with the test's values.
 */
final class CliScript {

    static final Path SCRIPT = Path.of("..", "docs", "wildfly", "amira.cli").toAbsolutePath().normalize();

    private CliScript() {
    }

    /** The script's output; fails with it when jboss-cli.sh does not end with status 0. */
    static String run(Map<String, String> variables) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
            lines.add(replaced(line, variables));
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (!lines.contains("set " + variable.getKey() + "=" + variable.getValue())) {
                throw new IllegalStateException(SCRIPT + " has no line 'set " + variable.getKey() + "=...' any more");
            }
        }
        Path copy = Files.createTempFile(Path.of("target"), "amira", ".cli");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        Path cli = Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh");
        Path output = Files.createTempFile(Path.of("target"), "amira-cli", ".out");
        // --timeout also bounds the reconnect after the script's reload: 5 s by default, too short on a busy machine.
        Process process = new ProcessBuilder(cli.toString(), "--connect", "--timeout=120000",
                "--controller=remote+http://127.0.0.1:" + Management.managementPort(), "--file=" + copy)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("jboss-cli.sh did not finish within 3 minutes: " + Files.readString(output));
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli.sh --file=" + SCRIPT + " failed (" + process.exitValue() + "):\n" + text);
        }
        return text;
    }

    private static String replaced(String line, Map<String, String> variables) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (line.startsWith("set " + variable.getKey() + "=")) {
                return "set " + variable.getKey() + "=" + variable.getValue();
            }
        }
        return line;
    }
}
