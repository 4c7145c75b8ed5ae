package io.amira.it;

import io.amira.simulator.AmiSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AMI server the integration tests run against: a real Asterisk when {@code AMIRA_IT_HOST} is
 * set (with {@code AMIRA_IT_PORT}, {@code AMIRA_IT_USERNAME}, {@code AMIRA_IT_SECRET}), else the
 * simulator, started once for the whole run in this JVM.
 */
public final class AmiTarget {

    private static final String DEFAULT_CHANNEL = "Local/100@demo";

    private static volatile AmiSimulator simulator;

    private AmiTarget() {
    }

    /** True when the tests run against the simulator, so faults can be injected. */
    public static boolean isSimulated() {
        return env("AMIRA_IT_HOST") == null;
    }

    public static String host() {
        return isSimulated() ? simulator().host() : env("AMIRA_IT_HOST");
    }

    public static int port() {
        return isSimulated() ? simulator().port() : Integer.parseInt(envOr("AMIRA_IT_PORT", "5038"));
    }

    public static String username() {
        return isSimulated() ? "admin" : env("AMIRA_IT_USERNAME");
    }

    public static String secret() {
        return isSimulated() ? "amp111" : env("AMIRA_IT_SECRET");
    }

    /**
     * The AMI user of tests that count the server's sessions ({@code manager show connected}): one
     * no one else uses, {@code AMIRA_IT_SESSION_USERNAME} / {@code AMIRA_IT_SESSION_SECRET}, else the
     * tests' own user (then other clients of that user on the same Asterisk would be counted too).
     * WildFly only: on Payara the deployment's pool takes its user from glassfish-resources.xml and
     * MicroProfile Config, which the tests do not rewrite.
     */
    public static String sessionUsername() {
        return countsOwnUser() ? envOr("AMIRA_IT_SESSION_USERNAME", username()) : username();
    }

    public static String sessionSecret() {
        return countsOwnUser() ? envOr("AMIRA_IT_SESSION_SECRET", secret()) : secret();
    }

    private static boolean countsOwnUser() {
        return !isSimulated() && ItServer.current() == ItServer.WILDFLY;
    }

    /**
     * A second AMI user, for per-user credentials: {@code AMIRA_IT_SECOND_USERNAME} and
     * {@code AMIRA_IT_SECOND_SECRET}, else {@code limited}/{@code lim123} (the simulator's, and the
     * shared test Asterisk's).
     */
    public static String secondUsername() {
        return envOr("AMIRA_IT_SECOND_USERNAME", "limited");
    }

    public static String secondSecret() {
        return envOr("AMIRA_IT_SECOND_SECRET", "lim123");
    }

    /** The channel test calls go to: the transcripts' extension that answers, raises UserEvent Demo, hangs up. */
    public static String channel() {
        return envOr("AMIRA_IT_CHANNEL", DEFAULT_CHANNEL);
    }

    /** The simulator; only for tests that checked {@link #isSimulated()} (fault injection, counters). */
    public static AmiSimulator simulator() {
        AmiSimulator current = simulator;
        if (current == null) {
            throw new IllegalStateException("The simulator is not running: the tests target a real Asterisk (AMIRA_IT_HOST)");
        }
        return current;
    }

    static void start() {
        if (isSimulated() && simulator == null) {
            try {
                simulator = AmiSimulator.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the AMI simulator", e);
            }
        }
    }

    static void stop() {
        AmiSimulator current = simulator;
        simulator = null;
        if (current != null) {
            current.close();
        }
    }

    /**
     * The adapter's MicroProfile Config properties pointing the server at this target. The secret
     * is not among them: the build hands it to the server as the AMIRA_SECRET environment variable
     * (WildFly logs its system properties, Payara keeps them in domain.xml).
     */
    static Map<String, String> adapterProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("amira.host", host());
        properties.put("amira.port", Integer.toString(port()));
        properties.put("amira.username", username());
        return properties;
    }

    /** {@link #adapterProperties()} as JVM arguments. */
    static String serverProperties() {
        StringBuilder arguments = new StringBuilder();
        adapterProperties().forEach((key, value) -> arguments.append(" -D").append(key).append('=').append(value));
        return arguments.toString().trim();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }
}
