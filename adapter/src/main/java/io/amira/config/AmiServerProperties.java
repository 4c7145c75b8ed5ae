package io.amira.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The AMI server properties set explicitly on one JCA bean (resource adapter, connection
 * definition or activation spec); {@code null} means "not set here". {@link #resolve} decides every
 * value: explicit on this bean, else explicit on the fallback bean, else MicroProfile Config
 * ({@code amira.*}, environment {@code AMIRA_*}), else the built-in default.
 */
public final class AmiServerProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5038;
    public static final String DEFAULT_AUTH_TYPE = "md5";
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final long DEFAULT_ACTION_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_KEEPALIVE_INTERVAL_MS = 20_000;
    public static final long DEFAULT_KEEPALIVE_TIMEOUT_MS = 5_000;

    private String host;
    private Integer port;
    private String username;
    private String secret;
    private Boolean tls;
    private String trustStore;
    private String trustStorePassword;
    private String trustStoreType;
    private Boolean verifyHostname;
    private String authType;
    private Long connectTimeoutMillis;
    private Long actionTimeoutMillis;
    private Long keepAliveIntervalMillis;
    private Long keepAliveTimeoutMillis;

    /** Resolves every value with MicroProfile Config (or system properties/environment) as the defaults source. */
    public AmiServerSettings resolve(AmiServerProperties fallback) {
        return resolve(fallback, ConfigSource.current());
    }

    AmiServerSettings resolve(AmiServerProperties fallback, ConfigSource config) {
        AmiServerProperties other = fallback == null ? new AmiServerProperties() : fallback;
        Resolver r = new Resolver(config);
        String resolvedAuth = r.text(authType, other.authType, "amira.auth-type", DEFAULT_AUTH_TYPE).toLowerCase(Locale.ROOT);
        if (!resolvedAuth.equals("plain") && !resolvedAuth.equals("md5")) {
            throw new IllegalArgumentException("amira auth-type must be 'plain' or 'md5', not '" + resolvedAuth + "'");
        }
        return new AmiServerSettings(
                r.text(host, other.host, "amira.host", DEFAULT_HOST),
                r.integer(port, other.port, "amira.port", DEFAULT_PORT),
                r.text(username, other.username, "amira.username", null),
                r.text(secret, other.secret, "amira.secret", null),
                r.bool(tls, other.tls, "amira.tls", false),
                r.text(trustStore, other.trustStore, "amira.trust-store", null),
                r.text(trustStorePassword, other.trustStorePassword, "amira.trust-store-password", null),
                r.text(trustStoreType, other.trustStoreType, "amira.trust-store-type", null),
                r.bool(verifyHostname, other.verifyHostname, "amira.verify-hostname", true),
                resolvedAuth,
                r.millis(connectTimeoutMillis, other.connectTimeoutMillis, "amira.connect-timeout", DEFAULT_CONNECT_TIMEOUT_MS),
                r.millis(actionTimeoutMillis, other.actionTimeoutMillis, "amira.action-timeout", DEFAULT_ACTION_TIMEOUT_MS),
                r.millis(keepAliveIntervalMillis, other.keepAliveIntervalMillis, "amira.keepalive-interval", DEFAULT_KEEPALIVE_INTERVAL_MS),
                r.millis(keepAliveTimeoutMillis, other.keepAliveTimeoutMillis, "amira.keepalive-timeout", DEFAULT_KEEPALIVE_TIMEOUT_MS));
    }

    public String getHost() { return host; }
    public void setHost(String host) { this.host = blankToNull(host); }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = blankToNull(username); }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = blankToNull(secret); }
    public Boolean getTls() { return tls; }
    public void setTls(Boolean tls) { this.tls = tls; }
    public String getTrustStore() { return trustStore; }
    public void setTrustStore(String trustStore) { this.trustStore = blankToNull(trustStore); }
    public String getTrustStorePassword() { return trustStorePassword; }
    public void setTrustStorePassword(String password) { this.trustStorePassword = blankToNull(password); }
    public String getTrustStoreType() { return trustStoreType; }
    public void setTrustStoreType(String trustStoreType) { this.trustStoreType = blankToNull(trustStoreType); }
    public Boolean getVerifyHostname() { return verifyHostname; }
    public void setVerifyHostname(Boolean verifyHostname) { this.verifyHostname = verifyHostname; }
    public String getAuthType() { return authType; }
    public void setAuthType(String authType) { this.authType = blankToNull(authType); }
    public Long getConnectTimeoutMillis() { return connectTimeoutMillis; }
    public void setConnectTimeoutMillis(Long millis) { this.connectTimeoutMillis = millis; }
    public Long getActionTimeoutMillis() { return actionTimeoutMillis; }
    public void setActionTimeoutMillis(Long millis) { this.actionTimeoutMillis = millis; }
    public Long getKeepAliveIntervalMillis() { return keepAliveIntervalMillis; }
    public void setKeepAliveIntervalMillis(Long millis) { this.keepAliveIntervalMillis = millis; }
    public Long getKeepAliveTimeoutMillis() { return keepAliveTimeoutMillis; }
    public void setKeepAliveTimeoutMillis(Long millis) { this.keepAliveTimeoutMillis = millis; }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AmiServerProperties that)) {
            return false;
        }
        return Objects.equals(host, that.host) && Objects.equals(port, that.port)
                && Objects.equals(username, that.username) && Objects.equals(secret, that.secret)
                && Objects.equals(tls, that.tls) && Objects.equals(trustStore, that.trustStore)
                && Objects.equals(trustStorePassword, that.trustStorePassword)
                && Objects.equals(trustStoreType, that.trustStoreType)
                && Objects.equals(verifyHostname, that.verifyHostname) && Objects.equals(authType, that.authType)
                && Objects.equals(connectTimeoutMillis, that.connectTimeoutMillis)
                && Objects.equals(actionTimeoutMillis, that.actionTimeoutMillis)
                && Objects.equals(keepAliveIntervalMillis, that.keepAliveIntervalMillis)
                && Objects.equals(keepAliveTimeoutMillis, that.keepAliveTimeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, tls);
    }

    @Override
    public String toString() {
        return "AmiServerProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", secret=" + (secret == null ? "unset" : "****") + ", tls=" + tls + "]";
    }

    /** Applies the precedence to one property at a time. */
    private static final class Resolver {
        private final ConfigSource config;

        Resolver(ConfigSource config) {
            this.config = config;
        }

        String text(String own, String fallback, String key, String builtIn) {
            if (own != null) {
                return own;
            }
            if (fallback != null) {
                return fallback;
            }
            String configured = config.get(key);
            return configured != null ? configured : builtIn;
        }

        int integer(Integer own, Integer fallback, String key, int builtIn) {
            String value = text(own == null ? null : own.toString(), fallback == null ? null : fallback.toString(), key, null);
            return value == null ? builtIn : parse(key, value, Integer::parseInt);
        }

        Duration millis(Long own, Long fallback, String key, long builtIn) {
            String value = text(own == null ? null : own.toString(), fallback == null ? null : fallback.toString(), key, null);
            return Duration.ofMillis(value == null ? builtIn : parse(key, value, Long::parseLong));
        }

        boolean bool(Boolean own, Boolean fallback, String key, boolean builtIn) {
            String value = text(own == null ? null : own.toString(), fallback == null ? null : fallback.toString(), key, null);
            if (value == null) {
                return builtIn;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        }

        private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
            }
        }
    }
}
