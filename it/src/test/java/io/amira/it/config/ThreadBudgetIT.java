package io.amira.it.config;

import io.amira.it.AmiTarget;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.amira.it.config.Management.address;
import static io.amira.it.config.Management.operation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thread budget is explicit: an adapter given a work manager of its own (as docs/wildfly/amira.cli
 * does) with two long-running threads, and a pool allowed ten sessions. Each session's reader holds
 * one thread, so the third borrow cannot start its reader: it fails after the connect timeout with
 * a message naming the work manager and how to size it, instead of hanging.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadBudgetIT {

    private static final String EAR = "amira-thread-budget";
    private static final String NAME = "amira-small";
    private static final String JNDI = "java:/eis/amira-small";
    private static final ModelNode WORK_MANAGER = address("subsystem", "jca", "workmanager", NAME);
    private static final ModelNode BOOTSTRAP_CONTEXT = address("subsystem", "jca", "bootstrap-context", NAME);

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithConfigProbe();
    }

    @Test
    void aPoolLargerThanItsWorkManagerFailsClearlyInsteadOfHanging() throws Exception {
        try (Management m = Management.connect()) {
            ModelNode workManager = operation("add", WORK_MANAGER);
            workManager.get("name").set(NAME);
            m.result(workManager);
            for (String pool : new String[] {"long-running-threads", "short-running-threads"}) {
                ModelNode threads = operation("add", WORK_MANAGER.clone().add(pool, NAME));
                threads.get("core-threads").set(2);
                threads.get("max-threads").set(2);
                threads.get("queue-length").set(10);
                m.result(threads);
            }
            ModelNode bootstrapContext = operation("add", BOOTSTRAP_CONTEXT);
            bootstrapContext.get("name").set(NAME);
            bootstrapContext.get("workmanager").set(NAME);
            m.result(bootstrapContext);
            AdapterDefinitions.add(m, NAME, Map.of("Host", AmiTarget.host(), "Port", Integer.toString(AmiTarget.port()),
                    "Username", AmiTarget.username(), "Secret", "${env.AMIRA_SECRET}", "ConnectTimeoutMillis", "2000"),
                    "bootstrap-context", NAME);
            AdapterDefinitions.addConnectionDefinition(m, NAME, JNDI, "max-pool-size", "10");
            m.reloadIfRequired();
        }
        if (AmiTarget.isSimulated()) {
            // On a busy machine the simulator may take a pooled session for a slow reader and cut it,
            // which frees a thread; Asterisk on loopback, with its readers running, would not.
            AmiTarget.simulator().slowReaderTimeout(Duration.ofSeconds(30));
        }
        deployer.deploy(EAR);
        try {
            long started = System.nanoTime();
            HttpResponse<String> held = ConfigDeployments.get(management.getWebUri(), "hold", JNDI, "n=3");
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertEquals(500, held.statusCode(), held.body());
            assertTrue(held.body().contains("did not start within 2000 ms"), held.body());
            assertTrue(held.body().contains("WorkManager '" + NAME + "'") && held.body().contains("docs/configuration.md"),
                    "names the work manager and where the sizing rule is: " + held.body());
            assertTrue(tookMillis < 30_000, "failed after " + tookMillis + " ms");

            CompletableFuture<HttpResponse<String>> withinBudget = ConfigDeployments.getAsync(management.getWebUri(),
                    "hold", JNDI, "n=2");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConfigDeployments.get(management.getWebUri(), "release", JNDI);
                return withinBudget.isDone();
            });
            assertEquals("held 2", withinBudget.get().body(), "two sessions fit the two threads");
        } finally {
            if (AmiTarget.isSimulated()) {
                AmiTarget.simulator().slowReaderTimeout(Duration.ofMillis(100));
            }
            deployer.undeploy(EAR);
            try (Management m = Management.connect()) {
                AdapterDefinitions.removeIfPresent(m, NAME);
                AdapterDefinitions.removeWorkManagerIfPresent(m, NAME);
                m.reloadIfRequired();
            }
        }
    }
}
