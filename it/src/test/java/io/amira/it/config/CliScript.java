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
 * Runs a script of docs/wildfly with WildFly's own jboss-cli.sh against the test server, as an
 * operator would; only the script's {@code set name=value} lines are replaced with the test's
 * values, and the environment given is jboss-cli.sh's (where amira-secret.cli reads the secret).
 */
final class CliScript {

    static final Path AMIRA = script("amira.cli");
    static final Path SECRET = script("amira-secret.cli");
    static final Path UNDO = script("amira-undo.cli");
    static final Path MULTI_PBX = script("multi-pbx.cli");

    private CliScript() {
    }

    private static Path script(String name) {
        return Path.of("..", "docs", "wildfly", name).toAbsolutePath().normalize();
    }

    /**
     * The script's output; fails with it when jboss-cli.sh does not end with status 0. Reloads may
     * take long on a loaded machine: the CLI waits up to 3 minutes for the server to come back.
     */
    static String run(Path script, Map<String, String> variables, Map<String, String> environment,
                             String... options) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            lines.add(replaced(line, variables));
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (!lines.contains("set " + variable.getKey() + "=" + variable.getValue())) {
                throw new IllegalStateException(script + " has no line 'set " + variable.getKey() + "=...' any more");
            }
        }
        Path copy = Files.createTempFile(Path.of("target"), "amira", ".cli");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        Path cli = Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh");
        Path output = Files.createTempFile(Path.of("target"), "amira-cli", ".out");
        // --timeout also bounds the reconnect after the script's reload: 5 s by default, too short on a busy machine.
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--connect", "--timeout=180000",
                "--controller=remote+http://127.0.0.1:" + Management.managementPort(), "--file=" + copy));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("jboss-cli.sh did not finish within 5 minutes: " + Files.readString(output));
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli.sh --file=" + script + " failed (" + process.exitValue() + "):\n" + text);
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
