package io.amira.config;

import io.amira.client.AmiClientConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * The resolved settings of one AMI server connection: every value decided (explicit, MicroProfile
 * Config or built-in default). Immutable; {@link #toString()} never shows a secret.
 */
public final class AmiServerSettings {

    private final String host;
    private final int port;
    private final String username;
    private final String secret;
    private final boolean tls;
    private final String trustStore;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final boolean verifyHostname;
    private final String authType;
    private final Duration connectTimeout;
    private final Duration actionTimeout;
    private final Duration keepAliveInterval;
    private final Duration keepAliveTimeout;

    AmiServerSettings(String host, int port, String username, String secret, boolean tls,
                      String trustStore, String trustStorePassword, String trustStoreType,
                      boolean verifyHostname, String authType, Duration connectTimeout,
                      Duration actionTimeout, Duration keepAliveInterval, Duration keepAliveTimeout) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.secret = secret;
        this.tls = tls;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.trustStoreType = trustStoreType;
        this.verifyHostname = verifyHostname;
        this.authType = authType;
        this.connectTimeout = connectTimeout;
        this.actionTimeout = actionTimeout;
        this.keepAliveInterval = keepAliveInterval;
        this.keepAliveTimeout = keepAliveTimeout;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String secret() { return secret; }
    public boolean tls() { return tls; }
    public String trustStore() { return trustStore; }
    public String trustStorePassword() { return trustStorePassword; }
    public String trustStoreType() { return trustStoreType; }
    public boolean verifyHostname() { return verifyHostname; }
    /** {@code plain} or {@code md5}. */
    public String authType() { return authType; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration actionTimeout() { return actionTimeout; }
    public Duration keepAliveInterval() { return keepAliveInterval; }
    public Duration keepAliveTimeout() { return keepAliveTimeout; }

    /**
     * A client configuration for these settings, logging in with {@code events} ("on", "off" or a
     * class mask); the builder lets the caller adjust it (e.g. per-request credentials).
     */
    public AmiClientConfig.Builder toClientConfig(String events) {
        AmiClientConfig.Builder builder = AmiClientConfig.builder()
                .host(host)
                .port(port)
                .username(username)
                .secret(secret)
                .tls(tls)
                .verifyHostname(verifyHostname)
                .authType("plain".equals(authType) ? AmiClientConfig.AuthType.PLAIN : AmiClientConfig.AuthType.MD5)
                .events(events)
                .connectTimeout(connectTimeout)
                .defaultActionTimeout(actionTimeout)
                .keepAliveInterval(keepAliveInterval)
                .keepAliveTimeout(keepAliveTimeout);
        if (trustStore != null) {
            builder.trustStorePath(trustStore);
        }
        if (trustStorePassword != null) {
            builder.trustStorePassword(trustStorePassword);
        }
        if (trustStoreType != null) {
            builder.trustStoreType(trustStoreType);
        }
        return builder;
    }

    /** {@code host:port}, the way messages name the server. */
    public String server() {
        return host + ":" + port;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AmiServerSettings that)) {
            return false;
        }
        return port == that.port && tls == that.tls && verifyHostname == that.verifyHostname
                && host.equals(that.host) && Objects.equals(username, that.username)
                && Objects.equals(secret, that.secret) && Objects.equals(trustStore, that.trustStore)
                && Objects.equals(trustStorePassword, that.trustStorePassword)
                && Objects.equals(trustStoreType, that.trustStoreType) && authType.equals(that.authType)
                && connectTimeout.equals(that.connectTimeout) && actionTimeout.equals(that.actionTimeout)
                && keepAliveInterval.equals(that.keepAliveInterval) && keepAliveTimeout.equals(that.keepAliveTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, tls);
    }

    @Override
    public String toString() {
        return "AmiServerSettings[" + (tls ? "tls://" : "tcp://") + server() + ", user=" + username
                + ", auth=" + authType + "]";
    }
}
