package io.amira.health;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Readiness: UP when a pooled AMI connection answers a Ping within {@code amira.health.timeout-ms}
 * (default 2000), naming the server, and every inbound activation (MDB) of the server is connected
 * ({@link InboundActivations}: its state and counters are in the data too). Checks the connection
 * factory {@code amira.connection-factory} (default {@code java:/eis/amira}; the admin-managed one is
 * {@code java:/eis/amira-admin}).
 * Served at the management interface's {@code /health/ready} once the microprofile-health-smallrye
 * subsystem is enabled (docs/wildfly/amira.cli); without it this bean is simply never called.
 * Ships in the EAR's {@code lib/}: WildFly only registers checks of the EAR's own bean archives.
 */
@Readiness
@ApplicationScoped
public class AmiReadinessCheck implements HealthCheck {

    static final String NAME = "amira-ami-connections";

    private static final Logger LOG = Logger.getLogger(AmiReadinessCheck.class.getName());

    @Inject
    @ConfigProperty(name = "amira.connection-factory", defaultValue = "java:/eis/amira")
    String connectionFactoryName;

    @Inject
    @ConfigProperty(name = "amira.health.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        return InboundActivations.addTo(checkPool());
    }

    private HealthCheckResponse checkPool() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("connectionFactory", connectionFactoryName);
        AmiConnectionFactory factory;
        try {
            factory = (AmiConnectionFactory) new InitialContext().lookup(connectionFactoryName);
        } catch (NamingException | ClassCastException e) {
            return response.down().withData("error", "No Amira connection factory at " + connectionFactoryName
                    + ": " + e.getMessage()).build();
        }
        String server;
        try {
            server = factory.server();
        } catch (RuntimeException e) {
            return response.down().withData("error", "Amira misconfigured: " + e.getMessage()).build();
        }
        response.withData("server", server);
        try (AmiConnection connection = factory.getConnection()) {
            boolean pong = connection.send(AmiActions.ping(), Duration.ofMillis(timeoutMillis)).isSuccess();
            return pong ? response.up().build()
                    : response.down().withData("error", "Ping to " + server + " not answered with Success").build();
        } catch (AmiException | RuntimeException e) {
            LOG.log(Level.FINE, "AMIRA-HEALTH-001 readiness: AMI server " + server + " not reachable", e);
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
