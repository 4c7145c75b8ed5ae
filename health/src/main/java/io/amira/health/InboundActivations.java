package io.amira.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeSet;

/**
 * The inbound side of readiness: every live activation's MBean ({@code io.amira:type=InboundActivation},
 * see docs/configuration.md) in the server's platform MBeanServer, read by attribute name so this
 * library needs none of the adapter's classes. Readiness is DOWN while an activation is not
 * {@code CONNECTED} (connecting, disconnected, its login refused), with its last error as the reason.
 */
final class InboundActivations {

    static final String PATTERN = "io.amira:type=InboundActivation,*";
    static final String CONNECTED = "CONNECTED";

    /** Attribute name → its key in the readiness data (after {@code inbound.<activation>.}). */
    private static final Map<String, String> COUNTERS = Map.ofEntries(
            Map.entry("EventsReceived", "received"),
            Map.entry("EventsFiltered", "filtered"),
            Map.entry("EventsDelivered", "delivered"),
            Map.entry("DeliveriesFailed", "failed"),
            Map.entry("EventsLostBufferFull", "lostBufferFull"),
            Map.entry("EventsDiscarded", "discarded"),
            Map.entry("EventsWaiting", "waiting"),
            Map.entry("CallsInFlight", "callsInFlight"),
            Map.entry("Disconnects", "disconnects"),
            Map.entry("Reconnects", "reconnects"),
            Map.entry("LoginRefusals", "loginRefusals"));

    private InboundActivations() {
    }

    /**
     * {@code pool} (the outbound check's answer) with every activation's state and counters added;
     * DOWN when the pool is, or when an activation is not connected.
     */
    static HealthCheckResponse addTo(HealthCheckResponse pool) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(pool.getName());
        pool.getData().ifPresent(data -> data.forEach((key, value) -> with(response, key, value)));
        boolean up = pool.getStatus() == HealthCheckResponse.Status.UP;
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName name : new TreeSet<>(server.queryNames(new ObjectName(PATTERN), null))) {
                up &= report(server, name, response);
            }
        } catch (JMException e) {
            response.withData("inbound.error", "Cannot read the inbound activations: " + e);
            up = false;
        }
        return response.status(up).build();
    }

    /** Adds one activation's data; whether it is connected. */
    private static boolean report(MBeanServer server, ObjectName name, HealthCheckResponseBuilder response) {
        String prefix = "inbound." + name.getKeyProperty("name") + ".";
        try {
            String state = String.valueOf(server.getAttribute(name, "State"));
            response.withData(prefix + "state", state);
            response.withData(prefix + "server", String.valueOf(server.getAttribute(name, "Server")));
            for (Attribute attribute : server.getAttributes(name, COUNTERS.keySet().toArray(new String[0])).asList()) {
                response.withData(prefix + COUNTERS.get(attribute.getName()), ((Number) attribute.getValue()).longValue());
            }
            if (CONNECTED.equals(state)) {
                return true;
            }
            Object error = server.getAttribute(name, "LastError");
            response.withData(prefix + "error", error == null ? state.toLowerCase(java.util.Locale.ROOT) : error.toString());
            return false;
        } catch (JMException e) {
            // Deactivated while being read: it is gone, not failing.
            return !server.isRegistered(name);
        }
    }

    private static void with(HealthCheckResponseBuilder response, String key, Object value) {
        if (value instanceof Number number) {
            response.withData(key, number.longValue());
        } else if (value instanceof Boolean bool) {
            response.withData(key, bool);
        } else {
            response.withData(key, String.valueOf(value));
        }
    }
}
