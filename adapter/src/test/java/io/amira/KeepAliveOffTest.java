package io.amira;

import io.amira.client.AmiClientConfig;
import io.amira.config.ServerConfigBean;
import io.amira.inbound.AmiActivationSpec;
import io.amira.outbound.AmiManagedConnectionFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code KeepAliveIntervalMillis} 0 means "no keepalive Ping" wherever it is set — the resource
 * adapter, the connection definition, the activation spec — and an adapter's 0 is inherited by the
 * beans that leave it unset, while their own value wins over it.
 */
class KeepAliveOffTest {

    private static final List<Supplier<ServerConfigBean>> BEANS = List.of(
            AmiraResourceAdapter::new, AmiManagedConnectionFactory::new, AmiActivationSpec::new);

    @Test
    void zeroTurnsKeepaliveOffOnEveryBean() {
        for (Supplier<ServerConfigBean> kind : BEANS) {
            ServerConfigBean bean = withCredentials(kind.get());
            bean.setKeepAliveIntervalMillis(0L);

            AmiClientConfig config = bean.serverProperties().resolve(null, "off");

            assertEquals(Duration.ZERO, config.keepAliveInterval(), bean.getClass().getSimpleName());
            assertEquals(Duration.ofSeconds(5), config.keepAliveTimeout(), "the Ping deadline validation still uses");
        }
    }

    @Test
    void theAdaptersZeroIsInheritedAndABeansOwnValueWins() {
        AmiraResourceAdapter adapter = new AmiraResourceAdapter();
        adapter.setKeepAliveIntervalMillis(0L);
        for (Supplier<ServerConfigBean> kind : BEANS.subList(1, BEANS.size())) {
            ServerConfigBean inheriting = withCredentials(kind.get());
            ServerConfigBean own = withCredentials(kind.get());
            own.setKeepAliveIntervalMillis(15_000L);

            assertEquals(Duration.ZERO, inheriting.serverProperties().resolve(adapter.serverProperties(), "off")
                    .keepAliveInterval(), inheriting.getClass().getSimpleName());
            assertEquals(Duration.ofSeconds(15), own.serverProperties().resolve(adapter.serverProperties(), "off")
                    .keepAliveInterval(), own.getClass().getSimpleName());
        }
    }

    private static ServerConfigBean withCredentials(ServerConfigBean bean) {
        bean.setUsername("admin");
        bean.setSecret("amp111");
        return bean;
    }
}
