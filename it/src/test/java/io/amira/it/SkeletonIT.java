package io.amira.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployment path: amira.ear deploys on WildFly, the adapter starts and serves both sides. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SkeletonIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.amiraEarWithProbe();
    }

    @Test
    void resourceAdapterIsDeployedAndActive() throws Exception {
        ModelNode result = management.getControllerClient().execute(readResource(
                address("deployment", "amira.ear", "subdeployment", "adapter.rar")));
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    @Test
    void messageDrivenBeanEndpointIsActivated() throws Exception {
        ModelNode result = management.getControllerClient().execute(readResource(
                address("deployment", "amira.ear", "subdeployment", "ejb-sample.jar",
                        "subsystem", "ejb3", "message-driven-bean", "CallEventListenerBean")));
        assertEquals("success", result.get("outcome").asString(), result.toString());
        assertTrue(result.get("result", "delivery-active").asBoolean(), result.toString());
    }

    @Test
    void connectionFactoryIsBoundAndHandsOutAConnection() throws Exception {
        URI uri = URI.create("http://" + management.getWebUri().getHost() + ":" + management.getWebUri().getPort()
                + "/probe/connection");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("AmiConnectionHandle", response.body());
    }

    private static ModelNode address(String... pairs) {
        ModelNode address = new ModelNode().setEmptyList();
        for (int i = 0; i < pairs.length; i += 2) {
            address.add(pairs[i], pairs[i + 1]);
        }
        return address;
    }

    private static ModelNode readResource(ModelNode address) {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-resource");
        op.get("address").set(address);
        op.get("include-runtime").set(true);
        return op;
    }
}
