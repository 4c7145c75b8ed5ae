package io.amira.health;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The readiness of one Amira connection factory: a pooled connection borrowed and a Ping answered.
 * The response's data: {@code connectionFactory}, {@code server} ({@code host:port}) and, when DOWN,
 * {@code cause} (connection refused, timeout, TLS handshake failed, login refused for user X, ...,
 * see {@link FailureCause}) and {@code error} (the full message, which names the server too).
 */
public final class ConnectionCheck {

    static final String NAME = "amira-ami-connections";

    private static final Logger LOG = Logger.getLogger(ConnectionCheck.class.getName());

    private ConnectionCheck() {
    }

    /** Checks the factory bound at {@code connectionFactoryName}, the Ping answered within {@code timeout}. */
    public static HealthCheckResponse check(String connectionFactoryName, Duration timeout) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("connectionFactory", connectionFactoryName);
        AmiConnectionFactory factory;
        try {
            factory = (AmiConnectionFactory) new InitialContext().lookup(connectionFactoryName);
        } catch (NamingException | ClassCastException e) {
            return down(response, "no Amira connection factory at " + connectionFactoryName, e.toString());
        }
        String server;
        try {
            server = factory.server();
        } catch (RuntimeException e) {
            return down(response, "misconfigured", e.getMessage());
        }
        response.withData("server", server);
        AmiConnection connection;
        try {
            connection = factory.getConnection();
        } catch (AmiException | RuntimeException e) {
            LOG.log(Level.FINE, "AMIRA-HEALTH-001 readiness: no pooled AMI connection to " + server, e);
            return down(response, FailureCause.of(e), describe(e));
        }
        try (connection) {
            return connection.send(AmiActions.ping(), timeout).isSuccess() ? response.up().build()
                    : down(response, "Ping not answered with Success", "Ping to " + server + " not answered with Success");
        } catch (AmiException | RuntimeException e) {
            return down(response, "Ping failed", describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static HealthCheckResponse down(HealthCheckResponseBuilder response, String cause, String error) {
        return response.down().withData("cause", cause).withData("error", error).build();
    }
}
