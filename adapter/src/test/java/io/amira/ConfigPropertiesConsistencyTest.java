package io.amira;

import io.amira.inbound.AmiActivationSpec;
import io.amira.live.LiveStateAdminObject;
import io.amira.outbound.AmiManagedConnectionFactory;
import jakarta.resource.spi.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AMI server properties are the same on the resource adapter, the connection definition, the
 * activation spec and the live view (docs/configuration.md has one table for all), described, with the
 * secrets confidential, and without an annotation default: the container would set such a default
 * explicitly, and an explicit value beats MicroProfile Config.
 */
class ConfigPropertiesConsistencyTest {

    /** Every ServerProperty has its setter on all three beans, under its JCA name. */
    private static final Set<String> SERVER_PROPERTIES = java.util.Arrays.stream(io.amira.config.ServerProperty.values())
            .map(io.amira.config.ServerProperty::jcaName).collect(java.util.stream.Collectors.toSet());
    private static final Set<String> CONFIDENTIAL = Set.of("Secret", "TrustStorePassword");

    @Test
    void everyBeanHasTheSameServerProperties() {
        for (Class<?> bean : new Class<?>[] {AmiraResourceAdapter.class, AmiManagedConnectionFactory.class,
                AmiActivationSpec.class, LiveStateAdminObject.class}) {
            Map<String, ConfigProperty> properties = configProperties(bean);
            assertTrue(properties.keySet().containsAll(SERVER_PROPERTIES), bean.getSimpleName() + ": " + properties.keySet());
            for (String name : SERVER_PROPERTIES) {
                ConfigProperty property = properties.get(name);
                assertFalse(property.description().length == 0 || property.description()[0].isBlank(), bean.getSimpleName() + "." + name);
                assertEquals(CONFIDENTIAL.contains(name), property.confidential(), bean.getSimpleName() + "." + name);
                assertEquals("", property.defaultValue(), bean.getSimpleName() + "." + name + " must not set a default");
            }
        }
    }

    @Test
    void theAdapterHasOneMoreAndTheActivationSpecItsOwn() {
        Set<String> shared = new java.util.TreeSet<>(SERVER_PROPERTIES);
        shared.add("ConfigPrefix");
        Set<String> adapter = new java.util.TreeSet<>(shared);
        adapter.add("ActivationCredentialsFrom");
        assertEquals(adapter, configProperties(AmiraResourceAdapter.class).keySet());
        assertEquals(shared, configProperties(AmiManagedConnectionFactory.class).keySet());
        assertTrue(configProperties(AmiActivationSpec.class).containsKey("ConfigPrefix"));
        assertEquals("", configProperties(AmiActivationSpec.class).get("ConfigPrefix").defaultValue());
    }

    private static Map<String, ConfigProperty> configProperties(Class<?> bean) {
        Map<String, ConfigProperty> properties = new TreeMap<>();
        for (Method method : bean.getMethods()) {
            ConfigProperty annotation = method.getAnnotation(ConfigProperty.class);
            if (annotation != null && method.getName().startsWith("set")) {
                properties.put(method.getName().substring(3), annotation);
            }
        }
        return properties;
    }
}
