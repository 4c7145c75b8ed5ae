package io.amira.config;

import io.amira.client.AmiClientConfig;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AMI server properties set explicitly on one JCA bean (resource adapter, connection definition
 * or activation spec); an absent property is "not set here". {@link #resolve} decides each value
 * once: explicit on this bean, else explicit on the fallback bean (the resource adapter), else
 * MicroProfile Config ({@code amira.*}, environment {@code AMIRA_*}), else the built-in default of
 * {@link AmiClientConfig}. A configuration prefix (this bean's, else the fallback's) replaces
 * {@code amira} in the MicroProfile Config keys, so that each of several AMI servers is described
 * under its own keys ({@code amira.pbx2.host}, {@code AMIRA_PBX2_HOST}); a prefixed key never falls
 * back to the unprefixed one. Equal properties make equal beans (the container keys pools on it).
 */
public final class ServerProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The MicroProfile Config prefix when no bean sets one: keys {@code amira.host}, .... */
    public static final String DEFAULT_CONFIG_PREFIX = "amira";

    private final EnumMap<ServerProperty, Object> explicit = new EnumMap<>(ServerProperty.class);
    private String configPrefix;

    /** Sets a property's explicit value; null or a blank String unsets it. */
    public void set(ServerProperty property, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            explicit.remove(property);
        } else {
            explicit.put(property, value instanceof String text ? text.trim() : value);
        }
    }

    /**
     * Sets the MicroProfile Config prefix of this bean ({@code amira.pbx2}; a trailing dot is
     * ignored); null or blank unsets it.
     */
    public void setConfigPrefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.trim();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        configPrefix = trimmed.isEmpty() ? null : trimmed;
    }

    /** The prefix set on this bean, or null. */
    public String configPrefix() {
        return configPrefix;
    }

    /** A copy to change without changing these. */
    public ServerProperties copy() {
        ServerProperties copy = new ServerProperties();
        copy.explicit.putAll(explicit);
        copy.configPrefix = configPrefix;
        return copy;
    }

    /** The explicit value, or null when unset here. */
    public Object get(ServerProperty property) {
        return explicit.get(property);
    }

    /**
     * The client configuration these properties make over {@code fallback} (may be null), with
     * MicroProfile Config (or system properties and environment) for what neither sets, logging in
     * with {@code events}.
     *
     * @throws InvalidServerPropertiesException naming every invalid or missing property at once
     */
    public AmiClientConfig resolve(ServerProperties fallback, String events) {
        return resolve(fallback, ConfigSource.current(), events);
    }

    AmiClientConfig resolve(ServerProperties fallback, ConfigSource config, String events) {
        AmiClientConfig.Builder builder = AmiClientConfig.builder().events(events);
        String prefix = effectivePrefix(fallback);
        List<ServerProperty> invalid = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ServerProperty property : ServerProperty.values()) {
            try {
                apply(property, builder, fallback, config);
            } catch (IllegalArgumentException e) {
                invalid.add(property);
                reasons.add(property.jcaName() + ": " + e.getMessage());
            }
        }
        try {
            AmiClientConfig resolved = builder.build();
            if (invalid.isEmpty()) {
                return resolved;
            }
        } catch (AmiClientConfig.InvalidSettingsException e) {
            for (int i = 0; i < e.settings().size(); i++) {
                ServerProperty property = ServerProperty.forSetting(e.settings().get(i));
                if (property != null && !invalid.contains(property)) {
                    invalid.add(property);
                    reasons.add(e.reasons().get(i) + ": set " + property.describe(prefix));
                }
            }
        }
        throw new InvalidServerPropertiesException(invalid, reasons);
    }

    /**
     * {@code host:port} as these properties decide it over {@code fallback}, even when the rest does
     * not make a usable configuration.
     *
     * @throws IllegalArgumentException when the host or port itself is invalid
     */
    public String server(ServerProperties fallback) {
        return server(fallback, ConfigSource.current());
    }

    String server(ServerProperties fallback, ConfigSource config) {
        AmiClientConfig.Builder builder = AmiClientConfig.builder();
        apply(ServerProperty.HOST, builder, fallback, config);
        apply(ServerProperty.PORT, builder, fallback, config);
        return builder.server();
    }

    /** This bean's configuration prefix, else the fallback's, else {@value #DEFAULT_CONFIG_PREFIX}. */
    private String effectivePrefix(ServerProperties fallback) {
        if (configPrefix != null) {
            return configPrefix;
        }
        return fallback != null && fallback.configPrefix != null ? fallback.configPrefix : DEFAULT_CONFIG_PREFIX;
    }

    /** Sets the property's decided value, if any, on {@code builder}; the exception says where a bad value came from. */
    private void apply(ServerProperty property, AmiClientConfig.Builder builder, ServerProperties fallback,
                       ConfigSource config) {
        Object raw = explicit.get(property);
        String origin = "property " + property.jcaName();
        if (raw == null && fallback != null) {
            raw = fallback.explicit.get(property);
            origin = "the resource adapter's " + property.jcaName();
        }
        if (raw == null) {
            origin = property.key(effectivePrefix(fallback));
            raw = config.get(origin);
        }
        if (raw == null) {
            return;
        }
        try {
            property.apply(builder, raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + origin + ")", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerProperties that && explicit.equals(that.explicit)
                && Objects.equals(configPrefix, that.configPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(explicit.get(ServerProperty.HOST), explicit.get(ServerProperty.PORT),
                explicit.get(ServerProperty.USERNAME), configPrefix);
    }

    /** The explicit properties as {@code Host=pbx, Port=5038, Secret=****} (secrets masked), or empty. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (configPrefix != null) {
            text.append("ConfigPrefix=").append(configPrefix);
        }
        for (Map.Entry<ServerProperty, Object> entry : explicit.entrySet()) {
            boolean confidential = entry.getKey() == ServerProperty.SECRET
                    || entry.getKey() == ServerProperty.TRUST_STORE_PASSWORD;
            text.append(text.length() == 0 ? "" : ", ").append(entry.getKey().jcaName()).append('=')
                    .append(confidential ? "****" : entry.getValue());
        }
        return text.toString();
    }

    /** The explicit properties, secrets masked. */
    @Override
    public String toString() {
        return "ServerProperties[" + describe() + "]";
    }
}
