package io.amira.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiServerPropertiesTest {

    private static final ConfigSource NOTHING = ConfigSource.of(key -> null);

    @Test
    void builtInDefaultsApplyWhenNothingIsSet() {
        AmiServerSettings settings = new AmiServerProperties().resolve(null, NOTHING);

        assertEquals("127.0.0.1", settings.host());
        assertEquals(5038, settings.port());
        assertFalse(settings.tls());
        assertTrue(settings.verifyHostname());
        assertEquals("md5", settings.authType());
        assertEquals(Duration.ofSeconds(10), settings.actionTimeout());
    }

    @Test
    void microProfileConfigWinsOverBuiltInDefaults() {
        Map<String, String> config = Map.of("amira.host", "pbx.example", "amira.port", "5039", "amira.tls", "true");

        AmiServerSettings settings = new AmiServerProperties().resolve(null, ConfigSource.of(config::get));

        assertEquals("pbx.example:5039", settings.server());
        assertTrue(settings.tls());
    }

    @Test
    void explicitPropertyWinsOverFallbackBeanAndConfig() {
        AmiServerProperties ra = new AmiServerProperties();
        ra.setHost("ra-host");
        ra.setUsername("ra-user");
        AmiServerProperties own = new AmiServerProperties();
        own.setHost("own-host");
        Map<String, String> config = Map.of("amira.host", "config-host", "amira.username", "config-user", "amira.port", "6000");

        AmiServerSettings settings = own.resolve(ra, ConfigSource.of(config::get));

        assertEquals("own-host", settings.host());
        assertEquals("ra-user", settings.username());
        assertEquals(6000, settings.port());
    }

    @Test
    void badValuesNameTheKey() {
        Map<String, String> config = Map.of("amira.port", "abc");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AmiServerProperties().resolve(null, ConfigSource.of(config::get)));
        assertTrue(e.getMessage().contains("amira.port"), e.getMessage());
    }

    @Test
    void secretsStayOutOfToString() {
        AmiServerProperties own = new AmiServerProperties();
        own.setSecret("s3cr3t");
        own.setTrustStorePassword("changeit");

        String text = own + " " + own.resolve(null, NOTHING);

        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("changeit"), text);
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertEquals("AMIRA_TRUST_STORE", ConfigSource.environmentName("amira.trust-store"));
        assertEquals("AMIRA_HOST", ConfigSource.environmentName("amira.host"));
    }
}
