package io.amira.it.cluster;

import io.amira.it.WildFlyPorts;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;
import org.wildfly.plugin.tools.Deployment;
import org.wildfly.plugin.tools.server.ServerManager;
import org.wildfly.plugin.tools.server.StandaloneManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WildFly server of the test cluster, started by the test as its own process (not through
 * Arquillian, so the test can {@code kill -9} it): a base directory of its own holding the cluster
 * configuration, its own port offset, a node name. Whatever happens to the test, the process does
 * not outlive it: {@link #close()} stops it, and a JVM shutdown hook kills it if the test JVM ends first.
 */
final class WildFlyNode implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path baseDir;
    private final WildFlyPorts ports;
    private final Process process;
    private final Thread killOnExit;
    private final ModelControllerClient client;
    private final StandaloneManager manager;

    private WildFlyNode(String name, Path baseDir, WildFlyPorts ports, ModelControllerClient client, Process process) {
        this.name = name;
        this.baseDir = baseDir;
        this.ports = ports;
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        this.client = client;
        this.manager = ServerManager.builder().process(process).client(client).standalone();
    }

    /**
     * Starts {@code standalone-full-ha.xml} from {@code baseDir} (a copy of the cluster
     * configuration); returns at once. {@code properties} become system properties, {@code environment}
     * the server's environment (secrets go there: WildFly logs its system properties).
     */
    static WildFlyNode start(String name, Path jbossHome, Path baseDir, WildFlyPorts ports, Map<String, String> properties,
                             Map<String, String> environment) {
        StandaloneCommandBuilder command = StandaloneCommandBuilder.of(jbossHome)
                .setBaseDirectory(baseDir)
                .setServerConfiguration("standalone-full-ha.xml")
                // (the launcher's defaults: -Xms64m -Xmx512m) C1 only and the serial collector: a faster
                // boot on a small, shared machine
                .addJavaOptions("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                        "-Djboss.node.name=" + name, "-Djboss.socket.binding.port-offset=" + ports.offset());
        properties.forEach((key, value) -> command.addJavaOption("-D" + key + "=" + value));
        try {
            ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", ports.managementPort());
            Process process = Launcher.of(command)
                    .setRedirectErrorStream(true)
                    .redirectOutput(baseDir.resolve("console.log"))
                    .addEnvironmentVariables(environment)
                    .launch();
            return new WildFlyNode(name, baseDir, ports, client, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start WildFly node " + name, e);
        }
    }

    String name() {
        return name;
    }

    WildFlyPorts ports() {
        return ports;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the server reports "running"; fails with the console log's tail otherwise. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        if (!manager.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not start within " + timeout + "; console: " + tail(baseDir.resolve("console.log")));
        }
    }

    void deploy(Path archive) throws IOException {
        manager.deploymentManager().deploy(Deployment.of(archive)).assertSuccess();
    }

    /** {@code kill -9}: the process gets no chance to leave the cluster or close its sockets itself. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die on SIGKILL within 30 s");
        }
    }

    /** Runs a management operation and returns its result; fails with the server's answer otherwise. */
    ModelNode execute(ModelNode operation) {
        try {
            ModelNode answer = client.execute(operation);
            if (!"success".equals(answer.get("outcome").asString())) {
                throw new IllegalStateException(name + ": " + operation + " failed: " + answer);
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + operation + " failed", e);
        }
    }

    ModelNode readAttribute(String attribute, String... addressPairs) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("read-attribute");
        ModelNode address = operation.get("address").setEmptyList();
        for (int i = 0; i < addressPairs.length; i += 2) {
            address.add(addressPairs[i], addressPairs[i + 1]);
        }
        operation.get("name").set(attribute);
        return execute(operation);
    }

    Path serverLog() {
        return baseDir.resolve("log").resolve("server.log");
    }

    /** The lines of a file in this node's base directory; none while it does not exist. */
    List<String> lines(String relativePath) {
        Path file = baseDir.resolve(relativePath);
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String relativePath) {
        return baseDir.resolve(relativePath);
    }

    /** Shuts the server down (killing it when it does not stop in time) and releases the client. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (process.isAlive()) {
                try {
                    manager.shutdown(SHUTDOWN_GRACE.toSeconds());
                } catch (RuntimeException | IOException e) {
                    process.destroyForcibly();
                }
                if (!process.waitFor(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
                }
            }
        } finally {
            client.close();
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", offset " + ports.offset() + "]";
    }
}
