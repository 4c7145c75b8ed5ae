package io.amira.config;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serializable;

import static io.amira.config.ServerProperty.ACTION_TIMEOUT;
import static io.amira.config.ServerProperty.AUTH_RETRY_DELAY;
import static io.amira.config.ServerProperty.AUTH_RETRY_MAX_DELAY;
import static io.amira.config.ServerProperty.AUTH_TYPE;
import static io.amira.config.ServerProperty.CONNECT_TIMEOUT;
import static io.amira.config.ServerProperty.HOST;
import static io.amira.config.ServerProperty.KEEPALIVE_INTERVAL;
import static io.amira.config.ServerProperty.KEEPALIVE_TIMEOUT;
import static io.amira.config.ServerProperty.MAX_ANSWER_BYTES;
import static io.amira.config.ServerProperty.PORT;
import static io.amira.config.ServerProperty.SECRET;
import static io.amira.config.ServerProperty.TLS;
import static io.amira.config.ServerProperty.TRUST_STORE;
import static io.amira.config.ServerProperty.TRUST_STORE_PASSWORD;
import static io.amira.config.ServerProperty.TRUST_STORE_TYPE;
import static io.amira.config.ServerProperty.USERNAME;
import static io.amira.config.ServerProperty.VERIFY_HOSTNAME;

/**
 * The one declaration of the AMI server properties, inherited by the resource adapter, the
 * connection definition and the activation spec (the container reads {@code @ConfigProperty} on a
 * superclass, and the admin console shows these descriptions). No annotation default: the container
 * would set it explicitly, and an explicit value hides MicroProfile Config. Unset on a connection
 * definition or activation spec, a property comes from the resource adapter, then MicroProfile
 * Config, then the built-in default.
 */
public abstract class ServerConfigBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String UNSET = " Unset: the resource adapter's value, else MicroProfile Config ";

    private final ServerProperties serverProperties = new ServerProperties();

    /** The AMI server properties set explicitly on this bean. */
    public ServerProperties serverProperties() {
        return serverProperties;
    }

    @ConfigProperty(description = "Asterisk host name or address." + UNSET + "amira.host (AMIRA_HOST), else 127.0.0.1")
    public void setHost(String host) { serverProperties.set(HOST, host); }
    public String getHost() { return (String) serverProperties.get(HOST); }

    @ConfigProperty(description = "AMI port (Asterisk's TLS port is usually 5039)." + UNSET + "amira.port (AMIRA_PORT), else 5038")
    public void setPort(Integer port) { serverProperties.set(PORT, port); }
    public Integer getPort() { return (Integer) serverProperties.get(PORT); }

    @ConfigProperty(description = "AMI user (a manager.conf section)." + UNSET + "amira.username (AMIRA_USERNAME); required")
    public void setUsername(String username) { serverProperties.set(USERNAME, username); }
    public String getUsername() { return (String) serverProperties.get(USERNAME); }

    @ConfigProperty(confidential = true,
            description = "AMI secret; never logged." + UNSET + "amira.secret (AMIRA_SECRET); required")
    public void setSecret(String secret) { serverProperties.set(SECRET, secret); }
    public String getSecret() { return (String) serverProperties.get(SECRET); }

    @ConfigProperty(description = "Connect with TLS." + UNSET + "amira.tls (AMIRA_TLS), else false")
    public void setTls(Boolean tls) { serverProperties.set(TLS, tls); }
    public Boolean getTls() { return (Boolean) serverProperties.get(TLS); }

    @ConfigProperty(description = "Trust store file for the server certificate (TLS)." + UNSET
            + "amira.trust-store (AMIRA_TRUST_STORE), else the JVM's trust store")
    public void setTrustStore(String trustStore) { serverProperties.set(TRUST_STORE, trustStore); }
    public String getTrustStore() { return (String) serverProperties.get(TRUST_STORE); }

    @ConfigProperty(confidential = true, description = "Trust store password." + UNSET
            + "amira.trust-store-password (AMIRA_TRUST_STORE_PASSWORD)")
    public void setTrustStorePassword(String password) { serverProperties.set(TRUST_STORE_PASSWORD, password); }
    public String getTrustStorePassword() { return (String) serverProperties.get(TRUST_STORE_PASSWORD); }

    @ConfigProperty(description = "Trust store type, e.g. PKCS12 or JKS." + UNSET
            + "amira.trust-store-type (AMIRA_TRUST_STORE_TYPE), else the JVM's default")
    public void setTrustStoreType(String type) { serverProperties.set(TRUST_STORE_TYPE, type); }
    public String getTrustStoreType() { return (String) serverProperties.get(TRUST_STORE_TYPE); }

    @ConfigProperty(description = "Check that the server certificate names the host (TLS)." + UNSET
            + "amira.verify-hostname (AMIRA_VERIFY_HOSTNAME), else true")
    public void setVerifyHostname(Boolean verify) { serverProperties.set(VERIFY_HOSTNAME, verify); }
    public Boolean getVerifyHostname() { return (Boolean) serverProperties.get(VERIFY_HOSTNAME); }

    @ConfigProperty(description = "Login: md5 (challenge, the secret never crosses the network) or plain." + UNSET
            + "amira.auth-type (AMIRA_AUTH_TYPE), else md5")
    public void setAuthType(String authType) { serverProperties.set(AUTH_TYPE, authType); }
    public String getAuthType() { return (String) serverProperties.get(AUTH_TYPE); }

    @ConfigProperty(description = "Deadline in ms for connecting and logging in." + UNSET
            + "amira.connect-timeout (AMIRA_CONNECT_TIMEOUT), else 5000")
    public void setConnectTimeoutMillis(Long millis) { serverProperties.set(CONNECT_TIMEOUT, millis); }
    public Long getConnectTimeoutMillis() { return (Long) serverProperties.get(CONNECT_TIMEOUT); }

    @ConfigProperty(description = "How long an action waits for its answer by default, in ms." + UNSET
            + "amira.action-timeout (AMIRA_ACTION_TIMEOUT), else 10000")
    public void setActionTimeoutMillis(Long millis) { serverProperties.set(ACTION_TIMEOUT, millis); }
    public Long getActionTimeoutMillis() { return (Long) serverProperties.get(ACTION_TIMEOUT); }

    @ConfigProperty(description = "Idle time in ms before a keepalive Ping (0: no keepalive)." + UNSET
            + "amira.keepalive-interval (AMIRA_KEEPALIVE_INTERVAL), else 20000")
    public void setKeepAliveIntervalMillis(Long millis) { serverProperties.set(KEEPALIVE_INTERVAL, millis); }
    public Long getKeepAliveIntervalMillis() { return (Long) serverProperties.get(KEEPALIVE_INTERVAL); }

    @ConfigProperty(description = "How long in ms a keepalive Ping may stay unanswered before the session counts as dead."
            + UNSET + "amira.keepalive-timeout (AMIRA_KEEPALIVE_TIMEOUT), else 5000")
    public void setKeepAliveTimeoutMillis(Long millis) { serverProperties.set(KEEPALIVE_TIMEOUT, millis); }
    public Long getKeepAliveTimeoutMillis() { return (Long) serverProperties.get(KEEPALIVE_TIMEOUT); }

    @ConfigProperty(description = "The largest answer (a Command's output, a list with its items, an event) in bytes;"
            + " a larger one fails its action only and the session goes on (at least 4096)." + UNSET
            + "amira.max-answer-bytes (AMIRA_MAX_ANSWER_BYTES), else 67108864 (64 MiB)")
    public void setMaxAnswerBytes(Long bytes) { serverProperties.set(MAX_ANSWER_BYTES, bytes); }
    public Long getMaxAnswerBytes() { return (Long) serverProperties.get(MAX_ANSWER_BYTES); }

    @ConfigProperty(description = "After Asterisk refused a login: ms before these credentials are tried again (doubling"
            + " with each refusal), so that Asterisk's authlimit and a fail2ban on the PBX are not tripped." + UNSET
            + "amira.auth-retry-delay (AMIRA_AUTH_RETRY_DELAY), else 120000")
    public void setAuthRetryDelayMillis(Long millis) { serverProperties.set(AUTH_RETRY_DELAY, millis); }
    public Long getAuthRetryDelayMillis() { return (Long) serverProperties.get(AUTH_RETRY_DELAY); }

    @ConfigProperty(description = "Longest wait in ms between logins Asterisk refused." + UNSET
            + "amira.auth-retry-max-delay (AMIRA_AUTH_RETRY_MAX_DELAY), else 1800000")
    public void setAuthRetryMaxDelayMillis(Long millis) { serverProperties.set(AUTH_RETRY_MAX_DELAY, millis); }
    public Long getAuthRetryMaxDelayMillis() { return (Long) serverProperties.get(AUTH_RETRY_MAX_DELAY); }
}
