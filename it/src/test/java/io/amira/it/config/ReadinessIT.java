package io.amira.it.config;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import io.amira.simulator.AmiSimulator;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static io.amira.it.config.Readiness.compact;
import static io.amira.it.config.Readiness.ready;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's readiness check (MicroProfile Health; on WildFly enabled as docs/wildfly/amira.cli
 * does, Payara serves it as it comes): UP naming the AMI server while it answers, DOWN naming it and
 * the cause once it stops answering (a stopped simulator, a pool pointed at a closed port), with
 * every MDB activation's state and counters in the answer's data (a refused login:
 * AuthenticationFailureIT). Without amira.connection-factory it finds amira.ear's zero-config pool on
 * either server. The same class runs on WildFly and on Payara.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {

    private static final String EAR = "amira-readiness";
    private static final String SAMPLE_MDB = "inbound.io.amira.sample.CallEventListenerBean.";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithConfigProbe();
    }

    @BeforeEach
    void healthEnabled() {
        if (ItServer.current() == ItServer.WILDFLY) {
            try (Management m = Management.connect()) {
                m.enableHealth();
            }
        }
    }

    @Test
    void readinessFollowsTheAmiServer() throws Exception {
        assumeTrue(AmiTarget.isSimulated(), "stops and restarts the AMI server: needs the simulator");
        deployer.deploy(EAR);
        AmiSimulator simulator = AmiTarget.simulator();
        String server = "\"server\":\"" + simulator.host() + ":" + simulator.port() + "\"";
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = ready();
                assertEquals(200, ready.statusCode(), ready.body());
            });
            HttpResponse<String> up = ready();
            assertTrue(compact(up.body()).contains("\"name\":\"amira-ami-connections\",\"status\":\"UP\""), up.body());
            assertTrue(compact(up.body()).contains(server), up.body());
            assertTrue(compact(up.body()).contains("\"connectionFactory\":\"" + ConfigDeployments.ZERO_CONFIG_FACTORY + "\""),
                    "the zero-config pool is found without amira.connection-factory: " + up.body());

            simulator.stopListening();
            simulator.dropAllConnections();
            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 503);
            HttpResponse<String> down = ready();
            assertTrue(compact(down.body()).contains("\"name\":\"amira-ami-connections\",\"status\":\"DOWN\""), down.body());
            assertTrue(compact(down.body()).contains(server), down.body());

            simulator.startListening();
            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 200);
            assertEquals(200, ready().statusCode());
        } finally {
            simulator.startListening();
            deployer.undeploy(EAR);
        }
    }

    /** A connection definition at a port nothing listens on; the readiness check is pointed at it. */
    @Test
    void aPoolAtAClosedPortTurnsReadinessDownNamingItsServer() throws Exception {
        assumeTrue(ItServer.current() == ItServer.WILDFLY, "Payara: a pool of the embedded adapter can only be made while"
                + " amira.ear is deployed, amira.ear is refused while amira.connection-factory names a missing resource"
                + " (the sample resolves it at deployment), and the property set with create-system-properties after the"
                + " deployment was not seen by the check (tried; docs/payara.md)");
        int closedPort = closedPort();
        ModelNode factoryProperty = Management.address("system-property", "amira.connection-factory");
        try (Management m = Management.connect()) {
            AdapterDefinitions.add(m, "amira-closed", Map.of("Host", "127.0.0.1", "Port", Integer.toString(closedPort),
                    "Username", AmiTarget.username(), "Secret", "${env.AMIRA_SECRET}"));
            AdapterDefinitions.addConnectionDefinition(m, "amira-closed", "java:/eis/amira-closed");
            ModelNode property = Management.operation("add", factoryProperty);
            property.get("value").set("java:/eis/amira-closed");
            m.result(property);
            m.reloadIfRequired();
        }
        deployer.deploy(EAR);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ready().statusCode() == 503
                    && compact(ready().body()).contains(SAMPLE_MDB + "state\":\"CONNECTED\""));
            String down = compact(ready().body());
            assertTrue(down.contains("\"name\":\"amira-ami-connections\",\"status\":\"DOWN\""), down);
            assertTrue(down.contains("\"server\":\"127.0.0.1:" + closedPort + "\""), down);
            assertTrue(down.toLowerCase(Locale.ROOT).contains("refused"), "the cause is named: " + down);
            assertTrue(down.contains(SAMPLE_MDB + "server\":\"" + AmiTarget.host() + ":" + AmiTarget.port() + "\""),
                    "the sample's MDB reports its own server: " + down);
            assertTrue(down.contains(SAMPLE_MDB + "received\":"), "the activation's counters are in the data: " + down);
        } finally {
            deployer.undeploy(EAR);
            try (Management m = Management.connect()) {
                AdapterDefinitions.removeIfPresent(m, "amira-closed");
                m.removeIfPresent(factoryProperty);
                m.reloadIfRequired();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
