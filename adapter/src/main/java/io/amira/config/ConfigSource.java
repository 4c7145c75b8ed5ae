package io.amira.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.UnaryOperator;

/**
 * Where defaults for unset properties come from: MicroProfile Config when the runtime has it (the
 * application server does), else system properties and then environment variables under the same
 * mapping MicroProfile Config uses ({@code amira.trust-store} → {@code AMIRA_TRUST_STORE}).
 */
final class ConfigSource {

    /** No values at all: what a bean's own properties make by themselves. */
    static final ConfigSource NONE = new ConfigSource(key -> null);

    private final UnaryOperator<String> lookup;

    private ConfigSource(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    static ConfigSource current() {
        Optional<Config> config = microProfileConfig();
        if (config.isPresent()) {
            Config mp = config.get();
            return new ConfigSource(key -> mp.getOptionalValue(key, String.class).orElse(null));
        }
        return new ConfigSource(ConfigSource::systemOrEnvironment);
    }

    /** A source over a fixed lookup, for tests. */
    static ConfigSource of(UnaryOperator<String> lookup) {
        return new ConfigSource(lookup);
    }

    String get(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Optional<Config> microProfileConfig() {
        try {
            return Optional.of(ConfigProvider.getConfig(ConfigSource.class.getClassLoader()));
        } catch (IllegalStateException | ServiceConfigurationError | NoClassDefFoundError e) {
            ConfigLog.NO_MICROPROFILE_CONFIG.log(e);
            return Optional.empty();
        }
    }

    private static String systemOrEnvironment(String key) {
        String value = System.getProperty(key);
        if (value != null) {
            return value;
        }
        return System.getenv(environmentName(key));
    }

    static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }
}
