package io.amira.it.outbound;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undeploying amira.ear closes every AMI session it opened: none is left on the server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundUndeployIT {

    private static final String DEPLOYMENT = "amira";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return OutboundDeployments.amiraEarWithOutboundProbe();
    }

    @Test
    void undeployLeavesNoSessionOnTheServer() throws Exception {
        Assumptions.assumeTrue(AmiTarget.isSimulated(),
                "counts the server's sessions, which only the simulator can report");
        deployer.deploy(DEPLOYMENT);
        HttpResponse<String> answer = OutboundDeployments.get(ItServer.webUri(), "load?callers=8&actions=5");
        assertEquals("completed=40 failed=0", answer.body());
        assertTrue(AmiTarget.simulator().activeSessions() > 0, "the pool holds sessions while deployed");

        deployer.undeploy(DEPLOYMENT);

        await().atMost(Duration.ofSeconds(20)).until(() -> AmiTarget.simulator().activeSessions() == 0);
    }
}
