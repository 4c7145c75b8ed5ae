package io.amira.config;

import io.amira.client.AmiClientConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The AMI server properties the resource adapter, the connection definition and the activation
 * spec share: each one's JCA name, MicroProfile Config key, how its value is read and which
 * {@link AmiClientConfig} setting it decides. Their descriptions are on {@link ServerConfigBean}.
 */
public enum ServerProperty {
    HOST("Host", "amira.host", "host", Values::text, (b, v) -> b.host((String) v)),
    PORT("Port", "amira.port", "port", Values::integer, (b, v) -> b.port((Integer) v)),
    USERNAME("Username", "amira.username", "username", Values::text, (b, v) -> b.username((String) v)),
    SECRET("Secret", "amira.secret", "secret", Values::text, (b, v) -> b.secret((String) v)),
    TLS("Tls", "amira.tls", "tls", Values::bool, (b, v) -> b.tls((Boolean) v)),
    TRUST_STORE("TrustStore", "amira.trust-store", "trustStore", Values::text,
            (b, v) -> b.trustStore(Path.of((String) v))),
    TRUST_STORE_PASSWORD("TrustStorePassword", "amira.trust-store-password", "trustStorePassword", Values::text,
            (b, v) -> b.trustStorePassword((String) v)),
    TRUST_STORE_TYPE("TrustStoreType", "amira.trust-store-type", "trustStoreType", Values::text,
            (b, v) -> b.trustStoreType((String) v)),
    VERIFY_HOSTNAME("VerifyHostname", "amira.verify-hostname", "verifyHostname", Values::bool,
            (b, v) -> b.verifyHostname((Boolean) v)),
    AUTH_TYPE("AuthType", "amira.auth-type", "authType", Values::authType,
            (b, v) -> b.authType((AmiClientConfig.AuthType) v)),
    CONNECT_TIMEOUT("ConnectTimeoutMillis", "amira.connect-timeout", "connectTimeout", Values::millis,
            (b, v) -> b.connectTimeout((Duration) v)),
    ACTION_TIMEOUT("ActionTimeoutMillis", "amira.action-timeout", "actionTimeout", Values::millis,
            (b, v) -> b.actionTimeout((Duration) v)),
    KEEPALIVE_INTERVAL("KeepAliveIntervalMillis", "amira.keepalive-interval", "keepAliveInterval", Values::millis,
            (b, v) -> b.keepAliveInterval((Duration) v)),
    KEEPALIVE_TIMEOUT("KeepAliveTimeoutMillis", "amira.keepalive-timeout", "keepAliveTimeout", Values::millis,
            (b, v) -> b.keepAliveTimeout((Duration) v)),
    MAX_ANSWER_BYTES("MaxAnswerBytes", "amira.max-answer-bytes", "maxAnswerBytes", Values::longValue,
            (b, v) -> b.maxAnswerBytes((Long) v)),
    AUTH_RETRY_DELAY("AuthRetryDelayMillis", "amira.auth-retry-delay", "authRetryDelay", Values::millis,
            (b, v) -> b.authRetryDelay((Duration) v)),
    AUTH_RETRY_MAX_DELAY("AuthRetryMaxDelayMillis", "amira.auth-retry-max-delay", "authRetryMaxDelay", Values::millis,
            (b, v) -> b.authRetryMaxDelay((Duration) v));

    private final String jcaName;
    private final String key;
    private final String setting;
    private final Function<Object, Object> reader;
    private final BiConsumer<AmiClientConfig.Builder, Object> applier;

    ServerProperty(String jcaName, String key, String setting, Function<Object, Object> reader,
                   BiConsumer<AmiClientConfig.Builder, Object> applier) {
        this.jcaName = jcaName;
        this.key = key;
        this.setting = setting;
        this.reader = reader;
        this.applier = applier;
    }

    /** The name on the JCA beans, e.g. {@code ConnectTimeoutMillis}. */
    public String jcaName() {
        return jcaName;
    }

    /** The MicroProfile Config key, e.g. {@code amira.connect-timeout}. */
    public String key() {
        return key;
    }

    /**
     * The MicroProfile Config key under a configuration prefix: {@code amira.pbx2} makes
     * {@code amira.pbx2.connect-timeout}; {@value ServerProperties#DEFAULT_CONFIG_PREFIX} makes {@link #key()}.
     */
    public String key(String configPrefix) {
        return configPrefix + key.substring(ServerProperties.DEFAULT_CONFIG_PREFIX.length());
    }

    /** The environment variable MicroProfile Config maps the key to, e.g. {@code AMIRA_CONNECT_TIMEOUT}. */
    public String environmentVariable() {
        return ConfigSource.environmentName(key);
    }

    /** How an administrator finds it under a prefix: {@code Port (amira.pbx2.port, AMIRA_PBX2_PORT)}. */
    String describe(String configPrefix) {
        String prefixed = key(configPrefix);
        return jcaName + " (" + prefixed + ", " + ConfigSource.environmentName(prefixed) + ")";
    }

    /** The property whose value decides the {@link AmiClientConfig} setting of that name, or null. */
    static ServerProperty forSetting(String setting) {
        for (ServerProperty property : values()) {
            if (property.setting.equals(setting)) {
                return property;
            }
        }
        return null;
    }

    /** Reads {@code raw} (a String from MicroProfile Config, or the JCA setter's type) and sets it on the builder. */
    void apply(AmiClientConfig.Builder builder, Object raw) {
        applier.accept(builder, reader.apply(raw));
    }

    /** Reading values given as text (MicroProfile Config) or as the JCA setter's type. */
    private static final class Values {

        static Object text(Object raw) {
            return raw.toString();
        }

        static Object integer(Object raw) {
            if (raw instanceof Integer) {
                return raw;
            }
            try {
                return Integer.valueOf(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a whole number");
            }
        }

        static Object longValue(Object raw) {
            if (raw instanceof Long) {
                return raw;
            }
            try {
                return Long.valueOf(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a whole number");
            }
        }

        static Object millis(Object raw) {
            if (raw instanceof Long millis) {
                return Duration.ofMillis(millis);
            }
            try {
                return Duration.ofMillis(Long.parseLong(raw.toString().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a whole number of milliseconds");
            }
        }

        static Object bool(Object raw) {
            if (raw instanceof Boolean) {
                return raw;
            }
            String text = raw.toString().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text);
            }
            throw new IllegalArgumentException("'" + raw + "' is not true or false");
        }

        static Object authType(Object raw) {
            try {
                return AmiClientConfig.AuthType.valueOf(raw.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + raw + "' is not md5 or plain");
            }
        }
    }
}
