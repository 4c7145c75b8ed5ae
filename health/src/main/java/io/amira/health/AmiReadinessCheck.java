package io.amira.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Readiness: UP when a pooled AMI connection answers a Ping within {@code amira.health.timeout-ms}
 * (default 2000), naming the server, and every inbound activation (MDB) of the server is connected
 * ({@link InboundActivations}: its state and counters are in the data too); DOWN naming the server
 * and the cause ({@link ConnectionCheck}). Checks the connection factory {@code amira.connection-factory};
 * when that is not set, the first of the zero-config pools of amira.ear that exists:
 * {@code java:/eis/amira} (WildFly's ironjacamar.xml), {@code java:app/eis/amira} (Payara's
 * glassfish-resources.xml).
 * WildFly serves it at the management interface's {@code /health/ready} once the
 * microprofile-health-smallrye subsystem is enabled (docs/wildfly/amira.cli; without it this bean is
 * simply never called), Payara at its HTTP listener's {@code /health/ready} (only for an
 * application with a web module, docs/payara.md).
 * Ships in the EAR's {@code lib/}: WildFly only registers checks of the EAR's own bean archives. It
 * references no adapter class (Payara's EAR library loader does not see an embedded RAR's classes).
 */
@Readiness
@ApplicationScoped
public class AmiReadinessCheck implements HealthCheck {

    static final List<String> ZERO_CONFIG_FACTORIES = List.of("java:/eis/amira", "java:app/eis/amira");

    @Inject
    @ConfigProperty(name = "amira.connection-factory")
    Optional<String> connectionFactoryName;

    @Inject
    @ConfigProperty(name = "amira.health.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        return InboundActivations.addTo(connectionFactoryName.isPresent()
                ? ConnectionCheck.check(connectionFactoryName.get(), timeout)
                : ConnectionCheck.checkFirstBound(ZERO_CONFIG_FACTORIES, timeout));
    }
}
