package io.amira.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The test cluster's server configuration, made as an operator would: WildFly's pristine
 * {@code standalone/configuration}, then docs/wildfly/cluster.cli applied offline with WildFly's
 * own jboss-cli.sh (embedded server). Each node gets a copy as its base directory.
 */
final class ClusterConfiguration {

    static final Path SCRIPT = Path.of("..", "docs", "wildfly", "cluster.cli").toAbsolutePath().normalize();

    private final Path jbossHome;
    private final Path template;

    private ClusterConfiguration(Path jbossHome, Path template) {
        this.jbossHome = jbossHome;
        this.template = template;
    }

    /** Creates the configured template under {@code workDir} (emptied first). */
    static ClusterConfiguration create(Path jbossHome, Path workDir) throws IOException, InterruptedException {
        delete(workDir);
        Path template = workDir.resolve("template");
        copy(jbossHome.resolve("standalone").resolve("configuration"), template.resolve("configuration"));
        List<String> lines = new ArrayList<>();
        lines.add("embed-server --server-config=standalone-full-ha.xml --std-out=discard");
        lines.addAll(Files.readAllLines(SCRIPT, StandardCharsets.UTF_8));
        lines.add("stop-embedded-server");
        Path script = Files.write(workDir.resolve("cluster-offline.cli"), lines, StandardCharsets.UTF_8);
        Path output = workDir.resolve("cluster-cli.out");
        ProcessBuilder cli = new ProcessBuilder(jbossHome.resolve("bin").resolve("jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + template);
        Process process = cli.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("jboss-cli.sh did not finish within 5 minutes: " + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli.sh --file=" + SCRIPT + " failed (" + process.exitValue() + "):\n"
                    + Files.readString(output));
        }
        return new ClusterConfiguration(jbossHome, template);
    }

    Path jbossHome() {
        return jbossHome;
    }

    /** A fresh base directory for one node: the cluster configuration, nothing else. */
    Path baseDirectory(Path location) throws IOException {
        delete(location);
        copy(template.resolve("configuration"), location.resolve("configuration"));
        Files.createDirectories(location.resolve("deployments"));
        return location;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                if (relative.startsWith("standalone_xml_history")) {
                    continue; // the CLI's backups
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void delete(Path location) throws IOException {
        if (!Files.exists(location)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(location)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
