package io.amira.outbound;

import io.amira.api.AmiConnectionSpec;
import jakarta.resource.spi.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiManagedConnectionFactoryTest {

    @Test
    void factoriesWithTheSameConfigurationAreEqual() {
        AmiManagedConnectionFactory a = factory("pbx", 5038, "admin", "amp111");
        AmiManagedConnectionFactory b = factory("pbx", 5038, "admin", "amp111");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, factory("pbx", 5039, "admin", "amp111"));
        assertNotEquals(a, factory("pbx", 5038, "admin", "other"));
    }

    @Test
    void factoriesOfDifferentAdapterInstancesDiffer() {
        AmiManagedConnectionFactory a = factory("pbx", 5038, "admin", "amp111");
        AmiManagedConnectionFactory b = factory("pbx", 5038, "admin", "amp111");
        a.setResourceAdapter(new io.amira.AmiraResourceAdapter());
        b.setResourceAdapter(new io.amira.AmiraResourceAdapter());

        assertNotEquals(a, b);
        b.setResourceAdapter(a.getResourceAdapter());
        assertEquals(a, b);
    }

    @Test
    void secretsAreConfidentialAndNeverPrinted() throws Exception {
        for (String setter : new String[] {"setSecret", "setTrustStorePassword"}) {
            Method method = AmiManagedConnectionFactory.class.getMethod(setter, String.class);
            assertTrue(method.getAnnotation(ConfigProperty.class).confidential(), setter);
        }
        AmiManagedConnectionFactory factory = factory("pbx", 5038, "admin", "amp111");
        assertFalse(factory.toString().contains("amp111"));
        assertFalse(new AmiConnectionSpec("admin", "amp111").toString().contains("amp111"));
        assertFalse(AmiRequestInfo.of(new AmiConnectionSpec("admin", "amp111")).toString().contains("amp111"));
    }

    @Test
    void everyServerPropertyIsAConfigProperty() {
        long properties = java.util.Arrays.stream(AmiManagedConnectionFactory.class.getMethods())
                .filter(m -> m.isAnnotationPresent(ConfigProperty.class)).count();
        assertEquals(io.amira.config.ServerProperty.values().length + 1, properties, "the server properties and ConfigPrefix");
    }

    @Test
    void twoDefinitionsWithTheirOwnConfigPrefixReachTheirOwnServerAndAreDifferentPools() {
        System.setProperty("amira.test-pbx1.host", "pbx1.example");
        System.setProperty("amira.test-pbx2.host", "pbx2.example");
        System.setProperty("amira.test-pbx2.port", "5039");
        try {
            AmiManagedConnectionFactory pbx1 = new AmiManagedConnectionFactory();
            pbx1.setConfigPrefix("amira.test-pbx1");
            AmiManagedConnectionFactory pbx2 = new AmiManagedConnectionFactory();
            pbx2.setConfigPrefix("amira.test-pbx2");

            assertEquals("pbx1.example:5038", pbx1.server());
            assertEquals("pbx2.example:5039", pbx2.server());
            assertNotEquals(pbx1, pbx2);
        } finally {
            System.clearProperty("amira.test-pbx1.host");
            System.clearProperty("amira.test-pbx2.host");
            System.clearProperty("amira.test-pbx2.port");
        }
    }

    @Test
    void explicitPropertiesWinOverTheDefaults() {
        AmiManagedConnectionFactory factory = factory("pbx.example", 5039, "ops", "pw");
        factory.setActionTimeoutMillis(1234L);

        io.amira.client.AmiClientConfig config = factory.config(AmiRequestInfo.DEFAULT);
        assertEquals("pbx.example:5039", config.server());
        assertEquals("ops", config.username());
        assertEquals(1234, config.actionTimeout().toMillis());
        assertEquals(AmiManagedConnectionFactory.POOLED_EVENTS, config.events());
    }

    @Test
    void unsetPropertiesFallBackToTheResourceAdapters() {
        io.amira.AmiraResourceAdapter adapter = new io.amira.AmiraResourceAdapter();
        adapter.setHost("ra-host");
        adapter.setPort(5040);
        AmiManagedConnectionFactory factory = new AmiManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        factory.setPort(5041);

        assertEquals("ra-host:5041", factory.server());
    }

    @Test
    void matchingReturnsNullWhenNothingFits() {
        AmiManagedConnectionFactory factory = factory("pbx", 5038, "admin", "amp111");

        assertNull(factory.matchManagedConnections(Set.of(), null, null));
        assertNull(factory.matchManagedConnections(Set.of(), null, AmiRequestInfo.of(new AmiConnectionSpec("u", "s"))));
    }

    @Test
    void aMissingUsernameIsAClearConfigurationError() {
        AmiManagedConnectionFactory factory = factory("pbx", 5038, null, null);
        factory.setUsername(null);

        jakarta.resource.spi.InvalidPropertyException e = org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.resource.spi.InvalidPropertyException.class, () -> factory.createManagedConnection(null, null));
        assertTrue(e.getMessage().contains("amira.username"), e.getMessage());
    }

    @Test
    void requestInfoComparesCredentials() {
        AmiRequestInfo a = AmiRequestInfo.of(new AmiConnectionSpec("limited", "lim123"));

        assertEquals(a, AmiRequestInfo.of(new AmiConnectionSpec("limited", "lim123")));
        assertNotEquals(a, AmiRequestInfo.of(new AmiConnectionSpec("limited", "wrong")));
        assertTrue(AmiRequestInfo.from(null).isDefault());
    }

    static AmiManagedConnectionFactory factory(String host, int port, String user, String secret) {
        AmiManagedConnectionFactory factory = new AmiManagedConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setSecret(secret);
        return factory;
    }
}
