package io.amira.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness: UP when a pooled AMI connection answers a Ping within {@code amira.health.timeout-ms}
 * (default 2000), naming the server, and every inbound activation (MDB) of the server is connected
 * ({@link InboundActivations}: its state and counters are in the data too); DOWN naming the server
 * and the cause ({@link ConnectionCheck}). Checks the connection factory {@code amira.connection-factory}
 * (default {@code java:/eis/amira}).
 * Served at the management interface's {@code /health/ready} once the microprofile-health-smallrye
 * subsystem is enabled (docs/wildfly/amira.cli); without it this bean is simply never called.
 * Ships in the EAR's {@code lib/}: WildFly only registers checks of the EAR's own bean archives.
 */
@Readiness
@ApplicationScoped
public class AmiReadinessCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "amira.connection-factory", defaultValue = "java:/eis/amira")
    String connectionFactoryName;

    @Inject
    @ConfigProperty(name = "amira.health.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        return InboundActivations.addTo(ConnectionCheck.check(connectionFactoryName, Duration.ofMillis(timeoutMillis)));
    }
}
