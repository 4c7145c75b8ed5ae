package io.amira.client;

import io.amira.protocol.AmiDecoder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one AMI session needs: where, who, how (TCP or TLS), and its timing. The one
 * configuration model of Amira: the plain-Java client builds it directly, the resource adapter
 * resolves its JCA properties and MicroProfile Config into it. Immutable; build it with
 * {@link #builder()}, which checks every setting at once. {@link #toString()} never shows the
 * secret or the trust store password.
 */
public final class AmiClientConfig {

    /** How the client proves the secret: as an MD5 answer to a server challenge, or sent as it is. */
    public enum AuthType { MD5, PLAIN }

    /** The default {@link #maxAnswerBytes()}: 64 MiB. */
    static final long DEFAULT_MAX_ANSWER_BYTES = AmiDecoder.DEFAULT_MAX_PACKET_BYTES;
    /** The least {@link #maxAnswerBytes()} accepted: smaller, even a login answer or an event may not fit. */
    static final long MIN_MAX_ANSWER_BYTES = 4096;

    private final String host;
    private final int port;
    private final String username;
    private final String secret;
    private final boolean tls;
    private final Path trustStore;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final boolean verifyHostname;
    private final AuthType authType;
    private final String events;
    private final Duration connectTimeout;
    private final Duration actionTimeout;
    private final Duration keepAliveInterval;
    private final Duration keepAliveTimeout;
    private final long maxAnswerBytes;
    private final Duration authRetryDelay;
    private final Duration authRetryMaxDelay;

    private AmiClientConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.username = b.username;
        this.secret = b.secret;
        this.tls = b.tls;
        this.trustStore = b.trustStore;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.verifyHostname = b.verifyHostname;
        this.authType = b.authType;
        this.events = b.events;
        this.connectTimeout = b.connectTimeout;
        this.actionTimeout = b.actionTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.keepAliveTimeout = b.keepAliveTimeout;
        this.maxAnswerBytes = b.maxAnswerBytes;
        this.authRetryDelay = b.authRetryDelay;
        this.authRetryMaxDelay = b.authRetryMaxDelay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).username(username).secret(secret).tls(tls)
                .trustStore(trustStore).trustStorePassword(trustStorePassword).trustStoreType(trustStoreType)
                .verifyHostname(verifyHostname).authType(authType).events(events).connectTimeout(connectTimeout)
                .actionTimeout(actionTimeout).keepAliveInterval(keepAliveInterval).keepAliveTimeout(keepAliveTimeout)
                .maxAnswerBytes(maxAnswerBytes).authRetryDelay(authRetryDelay).authRetryMaxDelay(authRetryMaxDelay);
    }

    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String secret() { return secret; }
    public boolean tls() { return tls; }
    /** The trust store for TLS, or {@code null} for the JVM's default trust. */
    public Path trustStore() { return trustStore; }
    public String trustStorePassword() { return trustStorePassword; }
    /** The trust store type ({@code PKCS12}, {@code JKS}), or {@code null} for the JVM default. */
    public String trustStoreType() { return trustStoreType; }
    public boolean verifyHostname() { return verifyHostname; }
    public AuthType authType() { return authType; }
    /** The login's {@code Events} value: {@code on}, {@code off} or a class mask like {@code call,user}. */
    public String events() { return events; }
    /** How long connecting may take in all: TCP connect, TLS handshake, Challenge and Login together. */
    public Duration connectTimeout() { return connectTimeout; }
    /** How long an action waits for its answer when the caller gives no timeout. */
    public Duration actionTimeout() { return actionTimeout; }
    /** How long the session may stay silent before the client sends a keepalive Ping; zero: never. */
    public Duration keepAliveInterval() { return keepAliveInterval; }
    /** How long a keepalive Ping may go unanswered before the session is declared dead. */
    public Duration keepAliveTimeout() { return keepAliveTimeout; }
    /**
     * The most one answer may take, in bytes as {@link io.amira.protocol.AmiMessage#countedBytes()}
     * counts them: an action's response plus, for a list action, all its items; also the most any
     * one packet (an event) or line may take. An answer over it fails that action only; an event
     * over it is dropped; the session goes on.
     */
    public long maxAnswerBytes() { return maxAnswerBytes; }
    /** After a refused login, the wait before a caller that retries (the resource adapter) tries again. */
    public Duration authRetryDelay() { return authRetryDelay; }
    /** The longest wait {@link #authRetryDelay()} doubles up to. */
    public Duration authRetryMaxDelay() { return authRetryMaxDelay; }

    /** {@code host:port}, as error messages name the server. */
    public String server() {
        return server(host, port);
    }

    private static String server(String host, int port) {
        return (host != null && host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "AmiClientConfig[" + (tls ? "tls://" : "tcp://") + server() + ", user=" + username
                + ", auth=" + authType + ", events=" + events
                + (tls ? ", trustStore=" + trustStore + ", verifyHostname=" + verifyHostname : "")
                + ", connectTimeout=" + connectTimeout + ", actionTimeout=" + actionTimeout
                + ", keepAlive=" + keepAliveInterval + "/" + keepAliveTimeout + ", maxAnswerBytes=" + maxAnswerBytes + "]";
    }

    /** Collects the settings; {@link #build()} checks them all at once. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 5038;
        private String username;
        private String secret;
        private boolean tls;
        private Path trustStore;
        private String trustStorePassword;
        private String trustStoreType;
        private boolean verifyHostname = true;
        private AuthType authType = AuthType.MD5;
        private String events = "off";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration actionTimeout = Duration.ofSeconds(10);
        private Duration keepAliveInterval = Duration.ofSeconds(20);
        private Duration keepAliveTimeout = Duration.ofSeconds(5);
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private Duration authRetryDelay = Duration.ofMinutes(2);
        private Duration authRetryMaxDelay = Duration.ofMinutes(30);

        private Builder() {
        }

        /** Default {@code 127.0.0.1}. */
        public Builder host(String host) { this.host = host; return this; }
        /** Default 5038. */
        public Builder port(int port) { this.port = port; return this; }
        /** Required: the AMI user ({@code manager.conf} section). */
        public Builder username(String username) { this.username = username; return this; }
        /** Required: the AMI user's secret. */
        public Builder secret(String secret) { this.secret = secret; return this; }
        /** Default false. */
        public Builder tls(boolean tls) { this.tls = tls; return this; }
        /** Default none: the JVM's default trust. */
        public Builder trustStore(Path trustStore) { this.trustStore = trustStore; return this; }
        public Builder trustStorePassword(String trustStorePassword) { this.trustStorePassword = trustStorePassword; return this; }
        /** Default none: the JVM's default type. */
        public Builder trustStoreType(String trustStoreType) { this.trustStoreType = trustStoreType; return this; }
        /** Default true: the server certificate must name the host connected to. */
        public Builder verifyHostname(boolean verifyHostname) { this.verifyHostname = verifyHostname; return this; }
        /** Default {@link AuthType#MD5}: the secret never crosses the network. */
        public Builder authType(AuthType authType) { this.authType = authType; return this; }
        /** Default {@code off}; {@code on}, {@code off} or a class mask such as {@code call,user}. */
        public Builder events(String events) { this.events = events; return this; }
        /** Default 5 s; one deadline for the whole connect: TCP connect, TLS handshake, Challenge and Login together. */
        public Builder connectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; return this; }
        /** Default 10 s. */
        public Builder actionTimeout(Duration actionTimeout) { this.actionTimeout = actionTimeout; return this; }
        /**
         * Default 20 s; {@link Duration#ZERO} turns keepalive off: a silently hung server is then found
         * only when an action times out (or, pooled, when the container validates the session).
         */
        public Builder keepAliveInterval(Duration keepAliveInterval) { this.keepAliveInterval = keepAliveInterval; return this; }
        /** Default 5 s. */
        public Builder keepAliveTimeout(Duration keepAliveTimeout) { this.keepAliveTimeout = keepAliveTimeout; return this; }
        /** Default 64 MiB; at least 4096. */
        public Builder maxAnswerBytes(long maxAnswerBytes) { this.maxAnswerBytes = maxAnswerBytes; return this; }
        /**
         * Default 2 minutes. {@link AmiClient} never retries a refused login by itself; the resource
         * adapter waits this long, doubling up to {@link #authRetryMaxDelay}, so that Asterisk's
         * {@code authlimit} and a fail2ban on the PBX are not tripped.
         */
        public Builder authRetryDelay(Duration authRetryDelay) { this.authRetryDelay = authRetryDelay; return this; }
        /** Default 30 minutes; at least {@link #authRetryDelay}. */
        public Builder authRetryMaxDelay(Duration authRetryMaxDelay) { this.authRetryMaxDelay = authRetryMaxDelay; return this; }

        /** {@code host:port} as set so far, for messages about a configuration that may not build. */
        public String server() {
            return AmiClientConfig.server(host, port);
        }

        /** The configuration; throws an {@link InvalidSettingsException} listing every invalid setting. */
        public AmiClientConfig build() {
            Problems problems = new Problems();
            problems.check(host != null && !host.isBlank(), "host", "is empty");
            problems.check(port >= 1 && port <= 65535, "port", port + " is not in 1..65535");
            problems.check(username != null && !username.isEmpty(), "username", "is missing");
            problems.check(secret != null, "secret", "is missing");
            problems.check(authType != null, "authType", "is missing (MD5 or PLAIN)");
            problems.check(events != null && !events.isBlank(), "events",
                    "is empty (use on, off or a class mask such as call,user)");
            problems.checkPositive("connectTimeout", connectTimeout);
            problems.checkPositive("actionTimeout", actionTimeout);
            problems.check(keepAliveInterval != null && !keepAliveInterval.isNegative(), "keepAliveInterval",
                    "must be zero (off) or positive");
            problems.checkPositive("keepAliveTimeout", keepAliveTimeout);
            problems.check(maxAnswerBytes >= MIN_MAX_ANSWER_BYTES, "maxAnswerBytes",
                    maxAnswerBytes + " is below the minimum of " + MIN_MAX_ANSWER_BYTES);
            problems.checkPositive("authRetryDelay", authRetryDelay);
            problems.check(authRetryMaxDelay != null && (authRetryDelay == null || authRetryMaxDelay.compareTo(authRetryDelay) >= 0),
                    "authRetryMaxDelay", "must be at least authRetryDelay");
            problems.throwIfAny();
            return new AmiClientConfig(this);
        }
    }

    /** Thrown by {@link Builder#build()}: names every invalid setting, by its builder method's name. */
    public static final class InvalidSettingsException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final List<String> settings;
        private final List<String> reasons;

        InvalidSettingsException(List<String> settings, List<String> reasons) {
            super("Invalid AMI client configuration: " + String.join("; ", reasons));
            this.settings = List.copyOf(settings);
            this.reasons = List.copyOf(reasons);
        }

        /** The invalid settings' names, e.g. {@code port}, {@code username}. */
        public List<String> settings() {
            return settings;
        }

        /** One text per invalid setting, in the same order, e.g. {@code port 0 is not in 1..65535}. */
        public List<String> reasons() {
            return reasons;
        }
    }

    private static final class Problems {
        private final List<String> settings = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();

        void check(boolean valid, String setting, String reason) {
            if (!valid) {
                settings.add(setting);
                reasons.add(setting + " " + reason);
            }
        }

        void checkPositive(String setting, Duration value) {
            check(value != null && !value.isZero() && !value.isNegative(), setting, "must be positive");
        }

        void throwIfAny() {
            if (!settings.isEmpty()) {
                throw new InvalidSettingsException(settings, reasons);
            }
        }
    }
}
