package io.amira.config;

import io.amira.client.AmiClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerPropertiesTest {

    private static final ConfigSource CREDENTIALS_ONLY =
            ConfigSource.of(Map.of("amira.username", "admin", "amira.secret", "amp111")::get);

    @Test
    void builtInDefaultsApplyWhenNothingIsSet() {
        AmiClientConfig config = new ServerProperties().resolve(null, CREDENTIALS_ONLY, "off");

        assertEquals("127.0.0.1", config.host());
        assertEquals(5038, config.port());
        assertFalse(config.tls());
        assertTrue(config.verifyHostname());
        assertEquals(AmiClientConfig.AuthType.MD5, config.authType());
        assertEquals(Duration.ofSeconds(10), config.actionTimeout());
        assertEquals("off", config.events());
    }

    @Test
    void microProfileConfigWinsOverBuiltInDefaults() {
        Map<String, String> config = Map.of("amira.host", "pbx.example", "amira.port", "5039", "amira.tls", "true",
                "amira.auth-type", "PLAIN", "amira.username", "u", "amira.secret", "s");

        AmiClientConfig resolved = new ServerProperties().resolve(null, ConfigSource.of(config::get), "call");

        assertEquals("pbx.example:5039", resolved.server());
        assertTrue(resolved.tls());
        assertEquals(AmiClientConfig.AuthType.PLAIN, resolved.authType());
    }

    @Test
    void explicitPropertyWinsOverFallbackBeanAndConfig() {
        ServerProperties ra = new ServerProperties();
        ra.set(ServerProperty.HOST, "ra-host");
        ra.set(ServerProperty.USERNAME, "ra-user");
        ServerProperties own = new ServerProperties();
        own.set(ServerProperty.HOST, "own-host");
        own.set(ServerProperty.CONNECT_TIMEOUT, 1234L);
        Map<String, String> config = Map.of("amira.host", "config-host", "amira.username", "config-user",
                "amira.port", "6000", "amira.secret", "s", "amira.max-answer-bytes", "1048576");

        AmiClientConfig resolved = own.resolve(ra, ConfigSource.of(config::get), "off");

        assertEquals("own-host", resolved.host());
        assertEquals("ra-user", resolved.username());
        assertEquals(6000, resolved.port());
        assertEquals(Duration.ofMillis(1234), resolved.connectTimeout());
        assertEquals(1048576, resolved.maxAnswerBytes());
    }

    @Test
    void everyBadOrMissingValueIsNamedAtOnceWithWhereItCameFrom() {
        ServerProperties own = new ServerProperties();
        own.set(ServerProperty.PORT, 70000);
        own.set(ServerProperty.AUTH_TYPE, "kerberos");
        Map<String, String> config = Map.of("amira.tls", "yes", "amira.secret", "s");

        InvalidServerPropertiesException e = assertThrows(InvalidServerPropertiesException.class,
                () -> own.resolve(null, ConfigSource.of(config::get), "off"));

        assertEquals(List.of(ServerProperty.TLS, ServerProperty.AUTH_TYPE, ServerProperty.PORT, ServerProperty.USERNAME),
                e.properties());
        String message = e.getMessage();
        assertTrue(message.contains("Tls: 'yes' is not true or false (from amira.tls)"), message);
        assertTrue(message.contains("AuthType: 'kerberos' is not md5 or plain (from property AuthType)"), message);
        assertTrue(message.contains("port 70000 is not in 1..65535: set Port (amira.port, AMIRA_PORT)"), message);
        assertTrue(message.contains("username is missing: set Username (amira.username, AMIRA_USERNAME)"), message);
    }

    @Test
    void aConfigPrefixReadsThatServersOwnKeysOnly() {
        Map<String, String> config = Map.of("amira.host", "pbx1", "amira.username", "u1", "amira.secret", "s1",
                "amira.pbx2.host", "pbx2", "amira.pbx2.port", "5039", "amira.pbx2.secret", "s2");
        ServerProperties own = new ServerProperties();
        own.setConfigPrefix(" amira.pbx2. ");

        InvalidServerPropertiesException e = assertThrows(InvalidServerPropertiesException.class,
                () -> own.resolve(null, ConfigSource.of(config::get), "off"));

        assertEquals(List.of(ServerProperty.USERNAME), e.properties(), "amira.username is not amira.pbx2's");
        assertTrue(e.getMessage().contains("username is missing: set Username (amira.pbx2.username, AMIRA_PBX2_USERNAME)"),
                e.getMessage());
        own.set(ServerProperty.USERNAME, "u2");
        AmiClientConfig resolved = own.resolve(null, ConfigSource.of(config::get), "off");
        assertEquals("pbx2:5039", resolved.server());
        assertEquals("s2", resolved.secret());
        assertEquals("pbx1:5038", new ServerProperties().resolve(null, ConfigSource.of(config::get), "off").server());
    }

    @Test
    void theFallbacksPrefixAppliesWhenTheBeanSetsNoneAndExplicitValuesStillWin() {
        Map<String, String> config = Map.of("amira.pbx2.host", "pbx2", "amira.pbx2.port", "x",
                "amira.pbx3.host", "pbx3", "amira.pbx3.username", "u3", "amira.pbx3.secret", "s3");
        ServerProperties ra = new ServerProperties();
        ra.setConfigPrefix("amira.pbx2");
        ServerProperties own = new ServerProperties();

        InvalidServerPropertiesException e = assertThrows(InvalidServerPropertiesException.class,
                () -> own.resolve(ra, ConfigSource.of(config::get), "off"));
        assertTrue(e.getMessage().contains("Port: 'x' is not a whole number (from amira.pbx2.port)"), e.getMessage());

        own.setConfigPrefix("amira.pbx3");
        own.set(ServerProperty.PORT, 6000);
        assertEquals("pbx3:6000", own.resolve(ra, ConfigSource.of(config::get), "off").server());
        assertEquals("pbx3:6000", own.server(ra, ConfigSource.of(config::get)));
    }

    @Test
    void theConfigPrefixTakesPartInEqualityAndToString() {
        ServerProperties a = new ServerProperties();
        ServerProperties b = new ServerProperties();
        b.setConfigPrefix("amira.pbx2");
        assertNotEquals(a, b);
        assertEquals(b, b.copy());
        a.setConfigPrefix("amira.pbx2.");
        assertEquals(b, a);
        assertEquals(b.hashCode(), a.hashCode());
        assertEquals("ServerProperties[ConfigPrefix=amira.pbx2]", a.toString());
        a.setConfigPrefix(" ");
        assertEquals(null, a.configPrefix());
        assertEquals("ServerProperties[]", a.toString());
    }

    @Test
    void blankValuesAreUnsetAndEqualityFollowsTheExplicitValues() {
        ServerProperties a = new ServerProperties();
        a.set(ServerProperty.HOST, "  ");
        assertEquals(new ServerProperties(), a);
        a.set(ServerProperty.HOST, " pbx ");
        assertEquals("pbx", a.get(ServerProperty.HOST));
        ServerProperties b = a.copy();
        assertEquals(a, b);
        b.set(ServerProperty.SECRET, "other");
        assertNotEquals(a, b);
    }

    @Test
    void secretsStayOutOfToString() {
        ServerProperties own = new ServerProperties();
        own.set(ServerProperty.SECRET, "s3cr3t");
        own.set(ServerProperty.TRUST_STORE_PASSWORD, "changeit");
        own.set(ServerProperty.USERNAME, "admin");

        String text = own + " " + own.resolve(null, ConfigSource.of(key -> null), "off");

        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("changeit"), text);
        assertTrue(text.contains("admin"), text);
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertEquals("AMIRA_TRUST_STORE", ServerProperty.TRUST_STORE.environmentVariable());
        assertEquals("AMIRA_HOST", ServerProperty.HOST.environmentVariable());
        assertEquals("amira.pbx2.trust-store", ServerProperty.TRUST_STORE.key("amira.pbx2"));
        assertEquals("TrustStore (amira.pbx2.trust-store, AMIRA_PBX2_TRUST_STORE)", ServerProperty.TRUST_STORE.describe("amira.pbx2"));
    }
}
