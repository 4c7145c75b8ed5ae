package io.amira.it.config;

import io.amira.it.AmiTarget;
import io.amira.simulator.AmiSimulator;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's readiness check (MicroProfile Health, enabled as docs/wildfly/amira.cli does): UP
 * naming the AMI server while it answers, DOWN once it stops listening and its sessions drop,
 * UP again when it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {

    private static final String EAR = "amira-readiness";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithConfigProbe();
    }

    @Test
    void readinessFollowsTheAmiServer() throws Exception {
        assumeTrue(AmiTarget.isSimulated(), "stops and restarts the AMI server: needs the simulator");
        try (Management m = Management.connect()) {
            m.enableHealth();
        }
        deployer.deploy(EAR);
        AmiSimulator simulator = AmiTarget.simulator();
        String server = "\"server\":\"" + simulator.host() + ":" + simulator.port() + "\"";
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 200);
            HttpResponse<String> up = ready();
            assertTrue(compact(up.body()).contains("\"name\":\"amira-ami-connections\",\"status\":\"UP\""), up.body());
            assertTrue(compact(up.body()).contains(server), up.body());

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

    private static HttpResponse<String> ready() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + Management.managementPort() + "/health/ready");
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String compact(String json) {
        return json.replaceAll("\\s", "");
    }
}
