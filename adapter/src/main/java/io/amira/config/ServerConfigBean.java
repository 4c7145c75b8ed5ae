package io.amira.config;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
 * superclass; WildFly's console does not show the descriptions, docs/configuration.md is the
 * reference). No annotation default: the container would set it explicitly, and an explicit value
 * hides MicroProfile Config. Unset on a connection definition or activation spec, a property comes
 * from the resource adapter, then MicroProfile Config, then the built-in default.
 *
 * <p>A name that is no property fails the activation on WildFly before the adapter sees it
 * (IronJacamar's IJ020060, which prints the value it was given, a secret too). The names an
 * administrator is likely to type instead ({@code ActionTimeout}, {@code Password}, ...) are setters
 * here that only note the mistake: {@link #configurationProblems()} then reports it with the valid
 * names, and the bean's owner fails the activation with that message.
 */
public abstract class ServerConfigBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String UNSET = " Unset: the resource adapter's value, else MicroProfile Config ";

    private final ServerProperties serverProperties = new ServerProperties();
    private final List<String> mistakenNames = new ArrayList<>();

    /** The AMI server properties set explicitly on this bean. */
    public ServerProperties serverProperties() {
        return serverProperties;
    }

    @ConfigProperty(description = "MicroProfile Config prefix of this bean's AMI server: amira.pbx2 reads amira.pbx2.host"
            + " (AMIRA_PBX2_HOST), amira.pbx2.port, ... instead of amira.host, amira.port, ..., so that each of several"
            + " Asterisk servers has its own keys (a prefixed key never falls back to the amira.* one). Unset: the"
            + " resource adapter's, else amira")
    public void setConfigPrefix(String prefix) { serverProperties.setConfigPrefix(prefix); }
    public String getConfigPrefix() { return serverProperties.configPrefix(); }

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

    // Names that are no property of these beans; see the class comment. The value is dropped unread.
    // None differs from a property in case only: some containers match setter names ignoring case.
    public void setActionTimeout(String ignored) { mistaken("ActionTimeout", ACTION_TIMEOUT); }
    public void setConnectTimeout(String ignored) { mistaken("ConnectTimeout", CONNECT_TIMEOUT); }
    public void setKeepAliveInterval(String ignored) { mistaken("KeepAliveInterval", KEEPALIVE_INTERVAL); }
    public void setKeepAliveTimeout(String ignored) { mistaken("KeepAliveTimeout", KEEPALIVE_TIMEOUT); }
    public void setAuthRetryDelay(String ignored) { mistaken("AuthRetryDelay", AUTH_RETRY_DELAY); }
    public void setAuthRetryMaxDelay(String ignored) { mistaken("AuthRetryMaxDelay", AUTH_RETRY_MAX_DELAY); }
    public void setUser(String ignored) { mistaken("User", USERNAME); }
    public void setPassword(String ignored) { mistaken("Password", SECRET); }

    private void mistaken(String name, ServerProperty meant) {
        mistakenNames.add("unknown property " + name + " (did you mean " + meant.jcaName() + "?)");
    }

    /**
     * What is wrong with the configuration set on this bean, each problem once: names that are no
     * property of it, and explicit values that are invalid. Empty when nothing is. Missing values
     * are not problems here: they may come from elsewhere (the resource adapter, MicroProfile
     * Config, the container's sign-on).
     */
    public List<String> configurationProblems() {
        List<String> problems = new ArrayList<>(mistakenNames);
        try {
            serverProperties.resolve(null, ConfigSource.NONE, "off");
        } catch (InvalidServerPropertiesException e) {
            for (int i = 0; i < e.properties().size(); i++) {
                if (serverProperties.get(e.properties().get(i)) != null) {
                    problems.add(e.reasons().get(i));
                }
            }
        }
        return problems;
    }

    /**
     * Fails when {@link #configurationProblems()} finds any, naming {@code bean}, the problems and
     * the bean's valid property names.
     */
    public void checkConfiguration(String bean) {
        List<String> problems = configurationProblems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(bean + " is misconfigured: " + String.join("; ", problems)
                    + ". Its properties are: " + String.join(", ", propertyNames()));
        }
    }

    /** The names of this bean's config properties (its {@code @ConfigProperty} setters). */
    public List<String> propertyNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Method method : getClass().getMethods()) {
            if (method.isAnnotationPresent(ConfigProperty.class) && method.getName().startsWith("set")) {
                names.add(method.getName().substring(3));
            }
        }
        return List.copyOf(names);
    }
}
