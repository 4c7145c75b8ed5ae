package io.amira.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one AMI session needs: where, who, how (TCP or TLS), and its timing. Immutable; build
 * it with {@link #builder()}. {@link #toString()} never shows the secret or the trust store password.
 */
public final class AmiClientConfig {

    /** How the client proves the secret: sent as is, or as an MD5 answer to a server challenge. */
    public enum AuthType { PLAIN, MD5 }

    private final String host;
    private final int port;
    private final String username;
    private final String secret;
    private final boolean tls;
    private final Path trustStorePath;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final boolean verifyHostname;
    private final AuthType authType;
    private final String events;
    private final Duration connectTimeout;
    private final Duration defaultActionTimeout;
    private final Duration keepAliveInterval;
    private final Duration keepAliveTimeout;

    private AmiClientConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.username = b.username;
        this.secret = b.secret;
        this.tls = b.tls;
        this.trustStorePath = b.trustStorePath;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.verifyHostname = b.verifyHostname;
        this.authType = b.authType;
        this.events = b.events;
        this.connectTimeout = b.connectTimeout;
        this.defaultActionTimeout = b.defaultActionTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.keepAliveTimeout = b.keepAliveTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.username = username;
        b.secret = secret;
        b.tls = tls;
        b.trustStorePath = trustStorePath;
        b.trustStorePassword = trustStorePassword;
        b.trustStoreType = trustStoreType;
        b.verifyHostname = verifyHostname;
        b.authType = authType;
        b.events = events;
        b.connectTimeout = connectTimeout;
        b.defaultActionTimeout = defaultActionTimeout;
        b.keepAliveInterval = keepAliveInterval;
        b.keepAliveTimeout = keepAliveTimeout;
        return b;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String secret() { return secret; }
    public boolean tls() { return tls; }
    /** The trust store for TLS, or {@code null} for the JVM's default trust. */
    public Path trustStorePath() { return trustStorePath; }
    public String trustStorePassword() { return trustStorePassword; }
    /** The trust store type ({@code PKCS12}, {@code JKS}), or {@code null} for the JVM default. */
    public String trustStoreType() { return trustStoreType; }
    public boolean verifyHostname() { return verifyHostname; }
    public AuthType authType() { return authType; }
    /** The login's {@code Events} value: {@code on}, {@code off} or a class mask like {@code call,user}. */
    public String events() { return events; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration defaultActionTimeout() { return defaultActionTimeout; }
    /** How long the session may stay silent before the client sends a keepalive Ping; zero: never. */
    public Duration keepAliveInterval() { return keepAliveInterval; }
    /** How long a keepalive Ping may go unanswered before the session is declared dead. */
    public Duration keepAliveTimeout() { return keepAliveTimeout; }

    /** {@code host:port}, as error messages name the server. */
    public String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "AmiClientConfig[server=" + server() + ", username=" + username + ", secret=****"
                + ", tls=" + tls + (tls ? ", trustStorePath=" + trustStorePath + ", trustStoreType=" + trustStoreType
                + ", verifyHostname=" + verifyHostname : "")
                + ", authType=" + authType + ", events=" + events + ", connectTimeout=" + connectTimeout
                + ", defaultActionTimeout=" + defaultActionTimeout + ", keepAliveInterval=" + keepAliveInterval
                + ", keepAliveTimeout=" + keepAliveTimeout + "]";
    }

    /** Collects the settings; {@link #build()} checks them all at once. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 5038;
        private String username;
        private String secret;
        private boolean tls;
        private Path trustStorePath;
        private String trustStorePassword;
        private String trustStoreType;
        private boolean verifyHostname = true;
        private AuthType authType = AuthType.PLAIN;
        private String events = "off";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration defaultActionTimeout = Duration.ofSeconds(10);
        private Duration keepAliveInterval = Duration.ofSeconds(20);
        private Duration keepAliveTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Default {@code 127.0.0.1}. */
        public Builder host(String host) { this.host = host; return this; }
        /** Default 5038. */
        public Builder port(int port) { this.port = port; return this; }
        public Builder username(String username) { this.username = username; return this; }
        public Builder secret(String secret) { this.secret = secret; return this; }
        /** Default false. */
        public Builder tls(boolean tls) { this.tls = tls; return this; }
        public Builder trustStorePath(Path trustStorePath) { this.trustStorePath = trustStorePath; return this; }
        public Builder trustStorePath(String trustStorePath) {
            this.trustStorePath = trustStorePath == null || trustStorePath.isBlank() ? null : Path.of(trustStorePath);
            return this;
        }
        public Builder trustStorePassword(String trustStorePassword) { this.trustStorePassword = trustStorePassword; return this; }
        public Builder trustStoreType(String trustStoreType) { this.trustStoreType = trustStoreType; return this; }
        /** Default true: the server certificate must name the host connected to. */
        public Builder verifyHostname(boolean verifyHostname) { this.verifyHostname = verifyHostname; return this; }
        /** Default {@link AuthType#PLAIN}. */
        public Builder authType(AuthType authType) { this.authType = authType; return this; }
        /** Default {@code off}; {@code on}, {@code off} or a class mask such as {@code call,user}. */
        public Builder events(String events) { this.events = events; return this; }
        /** Default 5 s; covers the TCP connect and the TLS handshake. */
        public Builder connectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; return this; }
        /** Default 10 s; also the login's deadline. */
        public Builder defaultActionTimeout(Duration defaultActionTimeout) { this.defaultActionTimeout = defaultActionTimeout; return this; }
        /** Default 20 s; {@link Duration#ZERO} turns keepalive off. */
        public Builder keepAliveInterval(Duration keepAliveInterval) { this.keepAliveInterval = keepAliveInterval; return this; }
        /** Default 5 s. */
        public Builder keepAliveTimeout(Duration keepAliveTimeout) { this.keepAliveTimeout = keepAliveTimeout; return this; }

        /** The configuration; throws IllegalArgumentException listing every invalid setting. */
        public AmiClientConfig build() {
            StringBuilder problems = new StringBuilder();
            if (host == null || host.isBlank()) {
                problems.append("; host is empty");
            }
            if (port < 1 || port > 65535) {
                problems.append("; port ").append(port).append(" is not in 1..65535");
            }
            if (username == null || username.isEmpty()) {
                problems.append("; username is missing");
            }
            if (secret == null) {
                problems.append("; secret is missing");
            }
            if (authType == null) {
                problems.append("; authType is missing (PLAIN or MD5)");
            }
            if (events == null || events.isBlank()) {
                problems.append("; events is empty (use on, off or a class mask such as call,user)");
            }
            checkPositive(problems, "connectTimeout", connectTimeout);
            checkPositive(problems, "defaultActionTimeout", defaultActionTimeout);
            if (keepAliveInterval == null || keepAliveInterval.isNegative()) {
                problems.append("; keepAliveInterval must be zero (off) or positive");
            }
            checkPositive(problems, "keepAliveTimeout", keepAliveTimeout);
            if (problems.length() > 0) {
                throw new IllegalArgumentException("Invalid AMI client configuration: " + problems.substring(2));
            }
            return new AmiClientConfig(this);
        }

        private static void checkPositive(StringBuilder problems, String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                problems.append("; ").append(name).append(" must be positive");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AmiClientConfig)) {
            return false;
        }
        AmiClientConfig c = (AmiClientConfig) o;
        return port == c.port && tls == c.tls && verifyHostname == c.verifyHostname && host.equals(c.host)
                && Objects.equals(username, c.username) && Objects.equals(secret, c.secret)
                && Objects.equals(trustStorePath, c.trustStorePath)
                && Objects.equals(trustStorePassword, c.trustStorePassword)
                && Objects.equals(trustStoreType, c.trustStoreType) && authType == c.authType
                && events.equals(c.events) && connectTimeout.equals(c.connectTimeout)
                && defaultActionTimeout.equals(c.defaultActionTimeout)
                && keepAliveInterval.equals(c.keepAliveInterval) && keepAliveTimeout.equals(c.keepAliveTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, tls, authType, events);
    }
}
