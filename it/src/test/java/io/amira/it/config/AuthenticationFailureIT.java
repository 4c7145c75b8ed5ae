package io.amira.it.config;

import io.amira.api.AmiLifecycleEvents;
import io.amira.it.AmiTarget;
import io.amira.it.ServerBaseDirectory;
import io.amira.it.config.mdb.RecorderBean;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.ObjectName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.amira.it.config.Readiness.compact;
import static io.amira.it.config.Readiness.ready;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's wrong secret is not a network blip, and its fix needs no redeploy. An adapter
 * defined in the resource-adapters subsystem with a wrong {@code Secret}, an MDB bound to it:
 * Asterisk refuses the login; the bean hears {@code Amira.AuthenticationFailed}; the activation's
 * MBean (read over remote JMX, as jconsole does) and the readiness check say
 * {@code AUTHENTICATION_FAILED} with the reason; server.log has it once, as an error naming the
 * activation, the server and the user, never a secret. Then the secret is fixed with the CLI's
 * operations and the server reloaded (WildFly applies a changed config property on reload): the
 * activation logs in and readiness is UP, without a redeploy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationFailureIT {

    private static final String EAR = "amira-auth-failure";
    private static final String ADAPTER = "amira-auth";
    private static final String WRONG_SECRET = "Wr0ng-admin-typo-13";
    private static final String MDB = "inbound." + RecorderBean.class.getName() + ".";

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithRecordingMdb(RecorderBean.class, ADAPTER);
    }

    @Test
    void aWrongSecretIsReportedOnceEverywhereAndAFixWithTheCliAndAReloadRecovers() throws Exception {
        try (Management m = Management.connect()) {
            AdapterDefinitions.add(m, ADAPTER, Map.of("Host", AmiTarget.host(), "Port", Integer.toString(AmiTarget.port()),
                    "Username", AmiTarget.username(), "Secret", WRONG_SECRET));
            m.enableHealth();
            m.reloadIfRequired();
        }
        long logFrom = ServerBaseDirectory.serverLogSize();
        ObjectName activation = RemoteJmx.activation(RecorderBean.class);
        deployer.deploy(EAR);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ConfigDeployments.recorded(management.getWebUri())
                    .contains(AmiLifecycleEvents.AUTHENTICATION_FAILED));
            try (RemoteJmx jmx = RemoteJmx.connect()) {
                assertEquals("AUTHENTICATION_FAILED", jmx.attribute(activation, "State"));
                assertEquals(AmiTarget.username(), jmx.attribute(activation, "Username"));
                assertEquals(1L, jmx.attribute(activation, "LoginRefusals"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 503);
            String down = compact(ready().body());
            assertTrue(down.contains(MDB + "state\":\"AUTHENTICATION_FAILED\""), down);
            assertTrue(down.contains(compact(MDB + "error\":\"Login to " + AmiTarget.host() + ":" + AmiTarget.port()
                    + " as user '" + AmiTarget.username() + "'")), down);
            assertTrue(down.contains("inbound.io.amira.sample.CallEventListenerBean.state\":\"CONNECTED\""),
                    "only the refused activation is down: " + down);

            List<String> log = ServerBaseDirectory.serverLogSince(logFrom);
            List<String> refusals = log.stream().filter(line -> line.contains("AMIRA-CFG-010")).toList();
            assertEquals(1, refusals.size(), "logged once: " + refusals);
            String refusal = refusals.get(0);
            assertTrue((refusal.contains(" ERROR ") || refusal.contains(" SEVERE "))
                    && refusal.contains("activation " + RecorderBean.class.getName())
                    && refusal.contains(AmiTarget.host() + ":" + AmiTarget.port())
                    && refusal.contains("'" + AmiTarget.username() + "'"), refusal);
            assertFalse(log.stream().anyMatch(line -> line.contains(WRONG_SECRET)), "the wrong secret was logged");
            assertFalse(log.stream().anyMatch(line -> line.contains(AmiTarget.secret())), "the real secret was logged");

            try (Management m = Management.connect()) {
                AdapterDefinitions.setConfigProperty(m, ADAPTER, "Secret", "${env.AMIRA_SECRET}");
                assertEquals("reload-required", m.serverState(), "WildFly applies a changed config property on reload");
                m.reloadIfRequired();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> ConfigDeployments.recorded(management.getWebUri())
                    .contains(AmiLifecycleEvents.CONNECTED));
            try (RemoteJmx jmx = RemoteJmx.connect()) {
                assertEquals("CONNECTED", jmx.attribute(activation, "State"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 200);
            assertTrue(compact(ready().body()).contains(MDB + "state\":\"CONNECTED\""));
        } finally {
            deployer.undeploy(EAR);
            try (Management m = Management.connect()) {
                AdapterDefinitions.removeIfPresent(m, ADAPTER);
                m.reloadIfRequired();
            }
        }
    }
}
