package io.amira.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The application server this integration-test run targets, chosen by the failsafe execution
 * ({@code -Damira.it.server=wildfly}, the default, or {@code payara}), and what differs between the
 * two for the tests: where the zero-config pool of amira.ear is bound, where MicroProfile Health
 * answers, where the server logs.
 */
public enum ItServer {

    /** The pool of the RAR's ironjacamar.xml. */
    WILDFLY("java:/eis/amira"),
    /** The pool of the EAR's glassfish-resources.xml: application-scoped, hence java:app. */
    PAYARA("java:app/eis/amira");

    private final String zeroConfigFactory;

    ItServer(String zeroConfigFactory) {
        this.zeroConfigFactory = zeroConfigFactory;
    }

    public static ItServer current() {
        return valueOf(System.getProperty("amira.it.server", "wildfly").toUpperCase(Locale.ROOT));
    }

    /** JNDI name of the connection factory amira.ear binds by itself (settings from MicroProfile Config). */
    public String zeroConfigFactory() {
        return zeroConfigFactory;
    }

    /** The server's HTTP listener, where the probe web modules answer. */
    public static URI webUri() {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("amira.it.http-port"));
    }

    /**
     * MicroProfile Health's readiness endpoint: WildFly serves it on the management interface (once
     * the microprofile-health-smallrye subsystem is on), Payara on its HTTP listener.
     */
    public URI readinessUri() {
        return this == WILDFLY ? URI.create("http://127.0.0.1:" + Integer.getInteger("amira.it.management-port") + "/health/ready")
                : webUri().resolve("/health/ready");
    }

    /** The server log of this run. */
    public Path serverLog() {
        return this == WILDFLY ? ServerBaseDirectory.serverLog() : PayaraDomain.serverLog();
    }
}
