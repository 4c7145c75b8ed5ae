package io.amira.it.config;

import io.amira.it.AmiTarget;
import io.amira.it.ServerBaseDirectory;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.amira.it.config.ConfigDeployments.ADMIN_FACTORY;
import static io.amira.it.config.ConfigDeployments.ZERO_CONFIG_FACTORY;
import static io.amira.it.config.Management.address;
import static io.amira.it.config.Management.operation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin-managed path: docs/wildfly/amira.cli run by jboss-cli.sh against the server, pointing
 * the adapter at another AMI server than MicroProfile Config (the test server's -Damira.* and
 * AMIRA_SECRET) does: a second simulator with another user, or, against a real Asterisk, the same
 * Asterisk under another name of its host ({@code localhost} for {@code 127.0.0.1}), so the two are
 * told apart by the server each names. Proves: the script's explicit properties win; the pool's
 * statistics are readable and its in-use count follows the load; MDBs follow amira.resource-adapter
 * to the admin-managed activation; the zero-config activation keeps its own JNDI name and settings
 * next to it; the script's live view (an admin object) follows the admin-managed adapter; a wrong secret fails the first use naming server and user, and is written to no log
 * line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminManagedIT {

    private static final String EAR = "amira-admin-managed";
    private static final String ADMIN_USER = "ops";
    private static final String WRONG_FACTORY = "java:/eis/amira-wrong-secret";
    private static final String WRONG_SECRET = "Wr0ng-" + Long.toHexString(System.nanoTime());

    private static final ModelNode RA = address("subsystem", "resource-adapters", "resource-adapter", "amira");
    private static final ModelNode ADMIN_POOL = address("subsystem", "resource-adapters",
            "resource-adapter", "amira", "connection-definitions", "amira-admin");
    private static final ModelNode ADMIN_POOL_STATISTICS = ADMIN_POOL.clone().add("statistics", "pool");

    private static AmiSimulator adminTarget;
    private static String adminHost;
    private static int adminPort;
    private static String adminUser;

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return ConfigDeployments.amiraEarWithConfigProbe();
    }

    /** Once per class: the script, a connection definition with a wrong secret, then the EAR. */
    @BeforeEach
    void scriptAppliedThenDeployed() throws Exception {
        if (adminHost != null) {
            return;
        }
        if (AmiTarget.isSimulated()) {
            adminTarget = AmiSimulator.start(SimulatorConfig.builder().port(0)
                    .user(ADMIN_USER, AmiTarget.secret(), "all", "all").build());
            adminHost = adminTarget.host();
            adminPort = adminTarget.port();
            adminUser = ADMIN_USER;
        } else {
            adminHost = otherNameOf(AmiTarget.host());
            assumeTrue(adminHost != null, "needs a second name for " + AmiTarget.host() + " to tell the script's server"
                    + " from MicroProfile Config's");
            adminPort = AmiTarget.port();
            adminUser = AmiTarget.username();
        }
        String output = CliScript.run(Map.of("amiraHost", adminHost,
                "amiraPort", Integer.toString(adminPort), "amiraUser", adminUser));
        assertTrue(output.contains("The batch executed successfully"), output);
        try (Management m = Management.connect()) {
            ModelNode wrong = operation("add", address("subsystem", "resource-adapters", "resource-adapter", "amira",
                    "connection-definitions", "amira-wrong-secret"));
            wrong.get("class-name").set("io.amira.outbound.AmiManagedConnectionFactory");
            wrong.get("jndi-name").set(WRONG_FACTORY);
            m.result(wrong);
            ModelNode secret = operation("add", address("subsystem", "resource-adapters", "resource-adapter", "amira",
                    "connection-definitions", "amira-wrong-secret", "config-properties", "Secret"));
            secret.get("value").set(WRONG_SECRET);
            m.result(secret);
            m.reloadIfRequired();
        }
        deployer.deploy(EAR);
    }

    /** Last: undoing the script (undeploy, remove, reload) leaves the server as the other tests expect it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void removingTheDefinitionUndoesTheScript() {
        deployer.undeploy(EAR);
        try (Management m = Management.connect()) {
            removeDefinition(m);
            assertFalse(m.exists(RA));
            assertFalse(m.healthEnabled());
            assertEquals("running", m.serverState());
        }
    }

    /** A safety net when a test failed before the last one: nothing of the script may stay behind. */
    @AfterAll
    static void nothingLeftBehind() {
        try (Management m = Management.connect()) {
            removeDefinition(m);
        } finally {
            if (adminTarget != null) {
                adminTarget.close();
                adminTarget = null;
            }
        }
    }

    private static void removeDefinition(Management m) {
        m.removeIfPresent(RA);
        AdapterDefinitions.removeWorkManagerIfPresent(m, "amira");
        m.removeIfPresent(address("system-property", "amira.resource-adapter"));
        m.removeIfPresent(address("system-property", "amira.connection-factory"));
        m.removeIfPresent(address("system-property", "amira.live-state"));
        m.disableHealth();
    }

    /** The script's admin object: a live view of the admin-managed activation, in sync with its Asterisk. */
    @Test
    void theScriptsLiveViewFollowsTheAdminManagedAdapter() throws Exception {
        HttpResponse<String> live = probe("live", "java:/eis/amira-live-admin");

        assertEquals(200, live.statusCode(), live.body());
        assertEquals(adminHost + ":" + adminPort + " inSync=true", live.body());
    }

    @Test
    void scriptPropertiesWinOverMicroProfileConfig() throws Exception {
        String adminServer = adminHost + ":" + adminPort;
        assertEquals(adminServer, probe("server", ADMIN_FACTORY).body());
        long loginsBefore = adminTarget == null ? 0 : adminTarget.logins();

        HttpResponse<String> ping = probe("ping", ADMIN_FACTORY);

        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("Success", ping.body());
        if (adminTarget != null) {
            assertTrue(adminTarget.logins() > loginsBefore || adminTarget.activeSessions() > 0,
                    "the admin-managed pool logged in to " + adminServer);
        }
    }

    @Test
    void sampleBeanFollowsTheConnectionFactoryProperty() throws Exception {
        long pingsBefore = adminTarget == null ? 0 : adminTarget.actionsReceived("Ping");
        long createdBefore;
        try (Management m = Management.connect()) {
            m.result(operation("flush-all-connection-in-pool", ADMIN_POOL));
            createdBefore = m.readRuntime(ADMIN_POOL_STATISTICS).get("CreatedCount").asLong();
        }

        HttpResponse<String> ping = probe("sample-ping", ADMIN_FACTORY);

        assertEquals("true", ping.body());
        try (Management m = Management.connect()) {
            assertTrue(m.readRuntime(ADMIN_POOL_STATISTICS).get("CreatedCount").asLong() > createdBefore,
                    "the sample borrowed from the admin-managed pool");
        }
        if (adminTarget != null) {
            assertTrue(adminTarget.actionsReceived("Ping") > pingsBefore, "the sample's Ping went to the admin-managed server");
        }
    }

    @Test
    void secretIsStoredAsAnEnvironmentExpressionOnly() {
        try (Management m = Management.connect()) {
            ModelNode read = operation("read-attribute", address("subsystem", "resource-adapters",
                    "resource-adapter", "amira", "config-properties", "Secret"));
            read.get("name").set("value");
            ModelNode value = m.result(read);
            assertEquals("${env.AMIRA_SECRET}", value.asString(), value.toString());
        }
    }

    @Test
    void zeroConfigActivationKeepsItsNameAndMicroProfileConfig() throws Exception {
        assertEquals(AmiTarget.host() + ":" + AmiTarget.port(), probe("server", ZERO_CONFIG_FACTORY).body());
        HttpResponse<String> ping = probe("ping", ZERO_CONFIG_FACTORY);
        assertEquals(200, ping.statusCode(), ping.body());
    }

    @Test
    void poolStatisticsAreReadableAndInUseFollowsTheLoad() throws Exception {
        try (Management m = Management.connect()) {
            ModelNode statistics = m.readRuntime(ADMIN_POOL_STATISTICS);
            assertTrue(statistics.get("statistics-enabled").asBoolean(), statistics.toString());
            assertEquals(0, statistics.get("InUseCount").asInt(), statistics.toString());

            CompletableFuture<HttpResponse<String>> holding = ConfigDeployments.getAsync(webUri(), "hold", ADMIN_FACTORY, "n=5");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> m.readRuntime(ADMIN_POOL_STATISTICS).get("InUseCount").asInt() == 5);
            assertTrue(m.readRuntime(ADMIN_POOL_STATISTICS).get("MaxUsedCount").asInt() >= 5);

            probe("release", ADMIN_FACTORY);
            HttpResponse<String> held = holding.get();
            assertEquals("held 5", held.body());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> m.readRuntime(ADMIN_POOL_STATISTICS).get("InUseCount").asInt() == 0);
            assertTrue(m.readRuntime(ADMIN_POOL_STATISTICS).get("AvailableCount").asInt() >= 5);
        }
    }

    @Test
    void messageDrivenBeansFollowTheAdminManagedActivation() {
        String server = adminHost + ":" + adminPort;
        await().atMost(Duration.ofSeconds(30)).until(() -> ConfigDeployments.lastSampleActivationConnectedTo(server));
    }

    /** The wrong secret is set on the connection definition: it wins over the adapter's (right) one. */
    @Test
    void wrongSecretFailsAtFirstUseNamingServerAndUserAndIsNeverLogged() throws Exception {
        HttpResponse<String> ping = probe("ping", WRONG_FACTORY);

        assertEquals(500, ping.statusCode(), ping.body());
        String server = adminHost + ":" + adminPort;
        assertTrue(ping.body().contains(server), ping.body());
        assertTrue(ping.body().contains(adminUser), ping.body());
        assertFalse(ping.body().contains(WRONG_SECRET), ping.body());
        String log = serverLog();
        assertFalse(log.contains(WRONG_SECRET), "the wrong secret is in " + ServerBaseDirectory.serverLog());
        assertFalse(log.contains(AmiTarget.secret()), "the real secret is in " + ServerBaseDirectory.serverLog());
    }

    /** Another name of {@code host} that reaches the same address ({@code localhost} for {@code 127.0.0.1}), or null. */
    private static String otherNameOf(String host) throws java.net.UnknownHostException {
        java.net.InetAddress address = java.net.InetAddress.getByName(host);
        for (String candidate : new String[] {"localhost", address.getHostAddress(), address.getCanonicalHostName()}) {
            if (!candidate.equals(host) && java.net.InetAddress.getByName(candidate).equals(address)) {
                return candidate;
            }
        }
        return null;
    }

    private HttpResponse<String> probe(String operation, String jndi) throws Exception {
        return ConfigDeployments.get(webUri(), operation, jndi);
    }

    private URI webUri() {
        return management.getWebUri();
    }

    private static String serverLog() throws Exception {
        return Files.readString(ServerBaseDirectory.serverLog());
    }
}
