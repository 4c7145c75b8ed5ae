package io.amira.it.config;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.amira.it.config.ConfigDeployments.ZERO_CONFIG_FACTORY;
import static io.amira.it.config.Management.address;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The zero-config path, the default IT setup: amira.ear as built (ironjacamar.xml on WildFly,
 * glassfish-resources.xml on Payara set no server property) on a plain configuration (WildFly's
 * standalone-full.xml has no MicroProfile Health subsystem: the EAR's health library must not
 * stop it from deploying), the server given only the system properties amira.host/port/username
 * and the AMIRA_SECRET environment variable. Both the pool amira.ear binds (java:/eis/amira,
 * Payara java:app/eis/amira) and the sample's MDB reach the target with them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnvironmentConfigIT {

    private static final String EAR = "amira-zero-config";
    private static boolean deployed;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithConfigProbe();
    }

    /** Once: on WildFly plain standalone-full.xml (another test class may have enabled health), then the EAR. */
    @BeforeEach
    void deployedOnPlainConfiguration() {
        if (deployed) {
            return;
        }
        if (ItServer.current() == ItServer.WILDFLY) {
            try (Management m = Management.connect()) {
                m.disableHealth();
                assertFalse(m.healthEnabled());
            }
        }
        deployer.deploy(EAR);
        deployed = true;
    }

    @AfterAll
    static void forgetDeployment() {
        deployed = false;
    }

    @Test
    void ironJacamarActivationSetsNoServerProperty() {
        assumeTrue(ItServer.current() == ItServer.WILDFLY, "WildFly's ironjacamar.xml pool; Payara's is amira.ear's"
                + " glassfish-resources.xml (docs/payara.md), which the other tests here use");
        try (Management m = Management.connect()) {
            ModelNode definition = m.readRuntime(address("deployment", "amira.ear", "subdeployment", "adapter.rar",
                    "subsystem", "resource-adapters", "ironjacamar", "ironjacamar",
                    "resource-adapter", "amira.ear#adapter.rar", "connection-definitions", ZERO_CONFIG_FACTORY));
            assertFalse(definition.get("config-properties").isDefined(), definition.toString());
            assertEquals(20, definition.get("max-pool-size").asInt(), definition.toString());
            assertEquals(true, definition.get("background-validation").asBoolean(), definition.toString());
        }
    }

    @Test
    void connectionFactoryUsesSystemPropertiesAndEnvironmentSecret() throws Exception {
        assertEquals(AmiTarget.host() + ":" + AmiTarget.port(),
                ConfigDeployments.get(ItServer.webUri(), "server", ZERO_CONFIG_FACTORY).body());

        HttpResponse<String> ping = ConfigDeployments.get(ItServer.webUri(), "ping", ZERO_CONFIG_FACTORY);

        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("Success", ping.body());
    }

    @Test
    void sampleBeanUsesTheZeroConfigPool() throws Exception {
        HttpResponse<String> ping = ConfigDeployments.get(ItServer.webUri(), "sample-ping", ZERO_CONFIG_FACTORY);

        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("true", ping.body());
    }

    @Test
    void messageDrivenBeanUsesThemToo() {
        String server = AmiTarget.host() + ":" + AmiTarget.port();
        await().atMost(Duration.ofSeconds(30)).until(() -> ConfigDeployments.lastSampleActivationConnectedTo(server));
    }
}
