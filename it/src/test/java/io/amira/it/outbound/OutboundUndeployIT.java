package io.amira.it.outbound;

import io.amira.it.AmiSessions;
import io.amira.it.Deployments;
import io.amira.it.ItServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Undeploying amira.ear closes every AMI session it opened: none is left on the server (counted by
 * {@link AmiSessions}: the simulator's own count, or {@code manager show connected} on a real
 * Asterisk for the user the deployment logs in as).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundUndeployIT {

    private static final String DEPLOYMENT = "amira";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return OutboundDeployments.withOutboundProbe(Deployments.amiraEarWithCountedSessions());
    }

    @Test
    void undeployLeavesNoSessionOnTheServer() throws Exception {
        int before = AmiSessions.count();
        deployer.deploy(DEPLOYMENT);
        HttpResponse<String> answer = OutboundDeployments.get(ItServer.webUri(), "load?callers=8&actions=5");
        assertEquals("completed=40 failed=0", answer.body());
        assertTrue(AmiSessions.count() > before, "the pool holds sessions while deployed");

        deployer.undeploy(DEPLOYMENT);

        await().atMost(Duration.ofSeconds(20)).until(() -> AmiSessions.count() == before);
    }
}
