package io.amira.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The readiness of one Amira connection factory: a pooled connection borrowed and a Ping answered.
 * The response's data: {@code connectionFactory}, {@code server} ({@code host:port}) and, when DOWN,
 * {@code cause} (connection refused, timeout, TLS handshake failed, login refused for user X, ...,
 * see {@link FailureCause}) and {@code error} (the full message, which names the server too).
 * The factory is used through {@link ReflectiveFactory}: this class loads without the adapter's classes.
 */
public final class ConnectionCheck {

    static final String NAME = "amira-ami-connections";

    private static final Logger LOG = Logger.getLogger(ConnectionCheck.class.getName());

    private ConnectionCheck() {
    }

    /** Checks the factory bound at {@code connectionFactoryName}, the Ping answered within {@code timeout}; DOWN when none is bound there. */
    public static HealthCheckResponse check(String connectionFactoryName, Duration timeout) {
        try {
            return check(connectionFactoryName, new InitialContext().lookup(connectionFactoryName), timeout);
        } catch (NamingException e) {
            return noFactory(connectionFactoryName, e);
        }
    }

    /**
     * Checks the factory bound at the first of {@code connectionFactoryNames} that has one. When none
     * has, the pool is not checked and the answer is UP, saying so in {@code connectionFactory} with
     * why each name failed in {@code error}: an application that names no factory may use no pool, and
     * Payara does not always show an application's {@code java:app} names to its health checks
     * (docs/payara.md). A factory that is found but fails is DOWN, as with {@link #check(String, Duration)}.
     */
    public static HealthCheckResponse checkFirstBound(List<String> connectionFactoryNames, Duration timeout) {
        List<String> failures = new ArrayList<>();
        for (String name : connectionFactoryNames) {
            Object bound;
            try {
                bound = new InitialContext().lookup(name);
            } catch (NamingException e) {
                failures.add(name + ": " + e);
                continue;
            }
            return check(name, bound, timeout);
        }
        return HealthCheckResponse.named(NAME).up()
                .withData("connectionFactory", "not checked: none bound at " + String.join(", ", connectionFactoryNames)
                        + " (set amira.connection-factory to the pool's name)")
                .withData("error", String.join("; ", failures)).build();
    }

    private static HealthCheckResponse check(String name, Object bound, Duration timeout) {
        try {
            return check(ReflectiveFactory.of(bound), HealthCheckResponse.named(NAME).withData("connectionFactory", name), timeout);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return noFactory(name, e);
        }
    }

    private static HealthCheckResponse noFactory(String name, Exception why) {
        return down(HealthCheckResponse.named(NAME).withData("connectionFactory", name), "no Amira connection factory at " + name,
                why.toString());
    }

    static HealthCheckResponse check(ReflectiveFactory factory, HealthCheckResponseBuilder response, Duration timeout) {
        String server;
        try {
            server = factory.server();
        } catch (Exception e) {
            return down(response, "misconfigured", describe(e));
        }
        response.withData("server", server);
        Object connection;
        try {
            connection = factory.getConnection();
        } catch (Exception e) {
            LOG.log(Level.FINE, "AMIRA-HEALTH-001 readiness: no pooled AMI connection to " + server, e);
            return down(response, FailureCause.of(e), describe(e));
        }
        try {
            return factory.ping(connection, timeout) ? response.up().build()
                    : down(response, "Ping not answered with Success", "Ping to " + server + " not answered with Success");
        } catch (Exception e) {
            return down(response, "Ping failed", describe(e));
        } finally {
            close(factory, connection, server);
        }
    }

    private static void close(ReflectiveFactory factory, Object connection, String server) {
        try {
            factory.close(connection);
        } catch (Exception e) {
            LOG.log(Level.FINE, "AMIRA-HEALTH-002 readiness: closing the connection to " + server + " failed", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static HealthCheckResponse down(HealthCheckResponseBuilder response, String cause, String error) {
        return response.down().withData("cause", cause).withData("error", error).build();
    }
}
