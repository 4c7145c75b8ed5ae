package io.amira.it.config;

import org.jboss.dmr.ModelNode;

import java.util.Map;

import static io.amira.it.config.Management.address;
import static io.amira.it.config.Management.operation;

/**
 * Further activations of amira.ear's adapter, defined in the resource-adapters subsystem as an
 * administrator would (each its own resource adapter instance, with its own settings).
 */
final class AdapterDefinitions {

    private AdapterDefinitions() {
    }

    static ModelNode address(String id) {
        return Management.address("subsystem", "resource-adapters", "resource-adapter", id);
    }

    /**
     * Adds adapter {@code id} for {@code amira.ear#adapter.rar} with the config properties given,
     * plus {@code attributes} (name, value, ...) such as {@code bootstrap-context}.
     */
    static void add(Management m, String id, Map<String, String> configProperties, String... attributes) {
        ModelNode add = operation("add", address(id));
        add.get("archive").set("amira.ear#adapter.rar");
        add.get("transaction-support").set("NoTransaction");
        set(add, attributes);
        m.result(add);
        configProperties.forEach((name, value) -> setConfigProperty(m, id, name, value));
    }

    /** Sets (adds, or replaces) one config property of adapter {@code id}. */
    static void setConfigProperty(Management m, String id, String name, String value) {
        ModelNode property = address(id).add("config-properties", name);
        m.removeIfPresent(property);
        ModelNode add = operation("add", property);
        add.get("value").set(value);
        m.result(add);
    }

    /** A connection definition (pool) of adapter {@code id} at {@code jndiName}, plus {@code attributes}. */
    static void addConnectionDefinition(Management m, String id, String jndiName, String... attributes) {
        ModelNode add = operation("add", address(id).add("connection-definitions", id));
        add.get("class-name").set("io.amira.outbound.AmiManagedConnectionFactory");
        add.get("jndi-name").set(jndiName);
        set(add, attributes);
        m.result(add);
    }

    static void removeIfPresent(Management m, String id) {
        m.removeIfPresent(address(id));
    }

    /**
     * Removes a work manager and its bootstrap context (as amira.cli adds them). WildFly cannot stop
     * a work manager's services while the server runs ("unsatisfied dependencies"): the model change
     * is kept and the server asks for a reload, which the caller does.
     */
    static void removeWorkManagerIfPresent(Management m, String name) {
        m.removeIfPresent(Management.address("subsystem", "jca", "bootstrap-context", name));
        ModelNode workManager = Management.address("subsystem", "jca", "workmanager", name);
        if (m.exists(workManager)) {
            ModelNode remove = operation("remove", workManager);
            remove.get("operation-headers", "rollback-on-runtime-failure").set(false);
            m.execute(remove);
        }
    }

    private static void set(ModelNode operation, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            operation.get(pairs[i]).set(pairs[i + 1]);
        }
    }
}
