package io.amira.it.config;

import io.amira.it.ServerBaseDirectory;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Management operations on the test server through a client of our own (usable in
 * {@code @AfterAll}, after Arquillian's own client is gone): read, write, remove, reload.
 */
final class Management implements AutoCloseable {

    private final ModelControllerClient client;

    private Management(ModelControllerClient client) {
        this.client = client;
    }

    static Management connect() {
        try {
            return new Management(ModelControllerClient.Factory.create("remote+http", "127.0.0.1", managementPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int managementPort() {
        return Integer.getInteger("amira.it.management-port");
    }

    static ModelNode address(String... pairs) {
        ModelNode address = new ModelNode().setEmptyList();
        for (int i = 0; i < pairs.length; i += 2) {
            address.add(pairs[i], pairs[i + 1]);
        }
        return address;
    }

    static ModelNode operation(String name, ModelNode address) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").set(address);
        return op;
    }

    /** Runs the operation; its full outcome (the caller checks "outcome"). */
    ModelNode execute(ModelNode operation) {
        try {
            return client.execute(operation);
        } catch (IOException e) {
            throw new UncheckedIOException("Management operation failed: " + operation, e);
        }
    }

    /** Runs the operation and returns its result; fails with the server's answer otherwise. */
    ModelNode result(ModelNode operation) {
        ModelNode answer = execute(operation);
        if (!"success".equals(answer.get("outcome").asString())) {
            throw new IllegalStateException("Management operation " + operation + " failed: " + answer);
        }
        return answer.get("result");
    }

    ModelNode readRuntime(ModelNode address) {
        ModelNode op = operation("read-resource", address);
        op.get("include-runtime").set(true);
        return result(op);
    }

    boolean exists(ModelNode address) {
        return "success".equals(execute(operation("read-resource", address)).get("outcome").asString());
    }

    /** Removes the resource when present. */
    void removeIfPresent(ModelNode address) {
        if (exists(address)) {
            result(operation("remove", address));
        }
    }

    /** OK, FAILED, STOPPED: a deployment's status. */
    String deploymentStatus(String deployment) {
        ModelNode op = operation("read-attribute", address("deployment", deployment));
        op.get("name").set("status");
        return result(op).asString();
    }

    /**
     * What an administrator's scripts may change: the resource adapters, Elytron, extensions,
     * subsystems and system properties, as configured (no runtime values).
     */
    ModelNode configurationSnapshot() {
        ModelNode snapshot = new ModelNode();
        for (String subsystem : new String[] {"resource-adapters", "elytron"}) {
            ModelNode read = operation("read-resource", address("subsystem", subsystem));
            read.get("recursive").set(true);
            snapshot.get(subsystem).set(result(read));
        }
        for (String type : new String[] {"extension", "subsystem", "system-property"}) {
            ModelNode names = operation("read-children-names", new ModelNode().setEmptyList());
            names.get("child-type").set(type);
            snapshot.get(type).set(result(names));
        }
        return snapshot;
    }

    String serverState() {
        ModelNode op = operation("read-attribute", new ModelNode().setEmptyList());
        op.get("name").set("server-state");
        return result(op).asString();
    }

    /** Reloads when the server asks for it, and waits until it runs again. */
    void reloadIfRequired() {
        if (!"running".equals(serverState())) {
            reloadAndAwait(Duration.ofMinutes(2), () -> "running".equals(serverState()));
        }
    }

    /**
     * Reloads now, as an administrator does to apply edits that WildFly takes without asking for a
     * reload (a resource adapter's config property), and waits until the server has started again.
     */
    void reload() {
        long starts = starts();
        reloadAndAwait(Duration.ofMinutes(3), () -> starts() > starts && "running".equals(serverState()));
    }

    /**
     * Issues a reload and waits for {@code done}. The server may close the management channel before
     * it answers the reload (the client then reports the operation cancelled): the wait decides, and
     * a lost answer is attached to its timeout.
     */
    private void reloadAndAwait(Duration atMost, Callable<Boolean> done) {
        UncheckedIOException answerLost = null;
        try {
            execute(operation("reload", new ModelNode().setEmptyList()));
        } catch (UncheckedIOException e) {
            answerLost = e;
        }
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(done);
        } catch (ConditionTimeoutException timeout) {
            if (answerLost != null) {
                timeout.addSuppressed(answerLost);
            }
            throw timeout;
        }
    }

    /** WFLYSRV0025 / WFLYSRV0026 ("started", "started with errors") lines in server.log: one per boot or reload. */
    private static long starts() {
        try (Stream<String> lines = Files.lines(ServerBaseDirectory.serverLog())) {
            return lines.filter(line -> line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MicroProfile Health on (standalone-full.xml ships it disabled), as docs/wildfly/amira.cli does it. */
    void enableHealth() {
        ModelNode extension = address("extension", "org.wildfly.extension.microprofile.health-smallrye");
        if (!exists(extension)) {
            result(operation("add", extension));
        }
        ModelNode subsystem = address("subsystem", "microprofile-health-smallrye");
        if (!exists(subsystem)) {
            ModelNode add = operation("add", subsystem);
            add.get("security-enabled").set(false);
            result(add);
        }
        reloadIfRequired();
    }

    /** Back to plain standalone-full.xml: MicroProfile Health off. */
    void disableHealth() {
        removeIfPresent(address("subsystem", "microprofile-health-smallrye"));
        removeIfPresent(address("extension", "org.wildfly.extension.microprofile.health-smallrye"));
        reloadIfRequired();
    }

    boolean healthEnabled() {
        return exists(address("subsystem", "microprofile-health-smallrye"));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
