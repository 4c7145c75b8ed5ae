package io.amira.it.config;

import io.amira.api.AmiAction;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.it.AmiSessions;
import io.amira.it.AmiTarget;
import io.amira.it.ServerBaseDirectory;
import io.amira.it.config.adminmdb.JarLoggerBean;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.amira.it.config.AdminDeployments.EAR;
import static io.amira.it.config.AdminDeployments.EAR_PROBE;
import static io.amira.it.config.AdminDeployments.MDB_JAR;
import static io.amira.it.config.AdminDeployments.PROBE;
import static io.amira.it.config.AdminDeployments.RAR;
import static io.amira.it.config.Management.address;
import static io.amira.it.config.Management.operation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin route, as docs/configuration.md tells an administrator: amira-secret.cli puts the AMI
 * secret into an Elytron credential store, amira.cli configures the adapter, amira.rar is deployed
 * on its own, and three applications (a WAR, an EJB jar, an EAR) use it. The AMI server here is a
 * simulator of its own whose user {@code ops} has a secret nothing else knows (MicroProfile Config
 * and AMIRA_SECRET point at another server and user), so a login proves the store's secret; the
 * store's password comes from a command ({EXT}), as docs/configuration.md recommends. Then:
 * the readiness check names server and cause; Amira's warnings print as WARN; a typo fails the
 * adapter naming the valid properties; running amira.cli again with another host, port and user
 * converges; amira-undo.cli leaves the configuration as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminRouteIT {

    private static final String FACTORY = "java:/eis/amira";
    /** The AMI user and secret only the credential store knows: the simulator's made-up one, or Asterisk's session user. */
    private static final String STORE_USER = AmiTarget.isSimulated() ? "ops" : AmiTarget.sessionUsername();
    private static final String STORE_SECRET = AmiTarget.isSimulated() ? "St0re-" + Long.toHexString(System.nanoTime())
            : AmiTarget.sessionSecret();
    private static final String STORE_PASSWORD = "St0re-pw-" + Long.toHexString(System.nanoTime());
    private static final String WRONG_SECRET = "Wr0ng-" + Long.toHexString(System.nanoTime());
    private static final ModelNode ADAPTER = address("subsystem", "resource-adapters", "resource-adapter", RAR);

    /** The server amira.cli points at: a simulator of this test's, or the real Asterisk of AMIRA_IT_*. */
    private static String targetHost;
    private static int targetPort;
    private static AmiSimulator target;
    private static AmiSimulator moved;
    private static AmiSimulator tlsTarget;
    private static ServerSocket silent;
    private static int closedPort;
    private static ModelNode before;
    private static long logMark;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = RAR, managed = false, testable = false)
    static ResourceAdapterArchive adapter() {
        return AdminDeployments.adapter();
    }

    @Deployment(name = PROBE, managed = false, testable = false)
    static WebArchive probe() {
        return AdminDeployments.probe(PROBE);
    }

    @Deployment(name = MDB_JAR, managed = false, testable = false)
    static JavaArchive mdbJar() {
        return AdminDeployments.mdbJar();
    }

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return AdminDeployments.ear();
    }

    /** Once per class: the scripts, connection definitions for the readiness causes, the deployments. */
    @BeforeEach
    void scriptsRunThenDeployed() throws Exception {
        if (targetHost != null) {
            return;
        }
        if (AmiTarget.isSimulated()) {
            target = AmiSimulator.start(SimulatorConfig.builder().port(0).user(STORE_USER, STORE_SECRET, "all", "all").build());
            targetHost = target.host();
            targetPort = target.port();
        } else {
            targetHost = AmiTarget.host();
            targetPort = AmiTarget.port();
        }
        moved = AmiSimulator.start(SimulatorConfig.builder().port(0).user("ops2", STORE_SECRET, "all", "all").build());
        tlsTarget = AmiSimulator.start(SimulatorConfig.builder().port(0).tls(true).build());
        silent = new ServerSocket(0);
        try (ServerSocket closed = new ServerSocket(0)) {
            closedPort = closed.getLocalPort();
        }
        try (Management m = Management.connect()) {
            before = m.configurationSnapshot();
        }
        logMark = Files.size(ServerBaseDirectory.serverLog());
        Path storePassword = Files.writeString(Files.createTempFile(Path.of("target"), "amira-store", ".password"),
                STORE_PASSWORD);
        CliScript.run(CliScript.SECRET, Map.of(), Map.of("AMIRA_SECRET", STORE_SECRET,
                "AMIRA_STORE_PASSWORD", "{EXT}cat " + storePassword.toAbsolutePath()), "--resolve-parameter-values");
        runAmiraCli(targetHost, targetPort, STORE_USER);
        try (Management m = Management.connect()) {
            addDefinition(m, "refused", Map.of("Port", Integer.toString(closedPort)));
            addDefinition(m, "tls-expected", Map.of("Port", Integer.toString(tlsTarget.port())));
            addDefinition(m, "tls-unexpected", Map.of("Tls", "true", "VerifyHostname", "false"));
            addDefinition(m, "wrong-secret", Map.of("Username", STORE_USER, "Secret", WRONG_SECRET));
            addDefinition(m, "silent", Map.of("Port", Integer.toString(silent.getLocalPort()), "ActionTimeoutMillis", "1500"));
            m.reloadIfRequired();
        }
        deployer.deploy(RAR);
        deployer.deploy(PROBE);
        deployer.deploy(MDB_JAR);
        deployer.deploy(EAR);
    }

    @AfterAll
    static void nothingLeftBehind() throws Exception {
        try (Management m = Management.connect()) {
            for (String deployment : List.of(EAR, MDB_JAR, PROBE + ".war", RAR)) {
                m.removeIfPresent(address("deployment", deployment));
            }
            if (m.exists(ADAPTER) || m.exists(address("subsystem", "elytron", "credential-store", "amira"))) {
                CliScript.run(CliScript.UNDO, Map.of(), Map.of());
            }
        } finally {
            for (AutoCloseable closeable : new AutoCloseable[] {target, moved, tlsTarget, silent}) {
                if (closeable != null) {
                    closeable.close();
                }
            }
            target = null;
            targetHost = null;
        }
    }

    @Test
    @Order(1)
    void thePoolSignsOnWithTheSecretFromTheStore() throws Exception {
        assertEquals("Success", ping(PROBE, FACTORY).body());
        assertEquals("Success", ping(EAR_PROBE, FACTORY).body(), "an EAR of the server's uses the adapter too");
        if (target != null) {
            assertTrue(target.logins() > 0);
        }
    }

    @Test
    @Order(2)
    void theActivationsSignOnWithItToo() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> storeUserSessions() >= 4);
        raiseAdminRouteEvent();

        await().atMost(Duration.ofSeconds(30)).until(() -> events(PROBE).contains("UserEvent AdminRoute"));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(EAR_PROBE).contains("UserEvent AdminRoute"));
        await().atMost(Duration.ofSeconds(30)).until(() -> logSinceSetup().contains(JarLoggerBean.MARKER + " UserEvent AdminRoute"));
        assertTrue(logSinceSetup().contains("AMIRA-007 activation " + JarLoggerBean.class.getName()
                + " logs in as user '" + STORE_USER + "' of the sign-on of " + FACTORY), logSinceSetup());
    }

    @Test
    @Order(3)
    void theSecretIsNowhereAnAdministratorCanRead() throws Exception {
        try (Management m = Management.connect()) {
            String configuration = m.result(operation("read-config-as-xml", new ModelNode().setEmptyList())).asString();
            assertTrue(configuration.contains("<authentication-configuration name='amira-ami' authentication-name='" + STORE_USER + "'>"), configuration);
            assertFalse(configuration.contains(STORE_SECRET), "the secret is in the configuration");
            assertFalse(configuration.contains(STORE_PASSWORD), "the store password is in the configuration");
            assertTrue(configuration.contains("{EXT}cat "), configuration);
            assertFalse(m.exists(address("subsystem", "resource-adapters", "resource-adapter", RAR, "config-properties", "Secret")));
            ModelNode aliases = m.result(operation("read-aliases", address("subsystem", "elytron", "credential-store", "amira")));
            assertEquals("[\"amira-ami\"]", aliases.toJSONString(true));
        }
        assertFalse(Files.readString(ServerBaseDirectory.serverLog()).contains(STORE_SECRET), "the secret is in server.log");
    }

    @Test
    @Order(4)
    void theStartLineNamesTheAdapterInstanceOnce() throws Exception {
        String started = "AMIRA-001 Amira resource adapter started: archive amira.rar, Host=" + targetHost
                + ", Port=" + targetPort + " set on it (the rest from MicroProfile Config amira.*, else defaults);"
                + " MDB activations log in as " + FACTORY + " does";
        List<String> lines = logSinceSetup().lines().filter(line -> line.contains("AMIRA-001")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(" INFO  [io.amira] ") && lines.get(0).endsWith(started), lines.get(0));
    }

    @Test
    @Order(5)
    void readinessNamesTheServerAndTheCause() throws Exception {
        String server = targetHost + ":" + targetPort;
        assertReadiness("amira", "UP", server, null);
        assertReadiness("refused", "DOWN", targetHost + ":" + closedPort, "connection refused");
        assertReadiness("tls-expected", "DOWN", targetHost + ":" + tlsTarget.port(), "(a TLS port? is Tls set?)");
        assertReadiness("tls-unexpected", "DOWN", server, "TLS handshake failed: the server does not speak TLS on this port");
        assertReadiness("wrong-secret", "DOWN", server, "login refused for user '" + STORE_USER + "'");
        assertReadiness("silent", "DOWN", targetHost + ":" + silent.getLocalPort(), "timeout");
        assertFalse(Files.readString(ServerBaseDirectory.serverLog()).contains(WRONG_SECRET), "the wrong secret is in server.log");
    }

    @Test
    @Order(6)
    void thePoolKeepsStatistics() {
        try (Management m = Management.connect()) {
            ModelNode statistics = m.readRuntime(address("subsystem", "resource-adapters", "resource-adapter", RAR,
                    "connection-definitions", "amira", "statistics", "pool"));
            assertTrue(statistics.get("statistics-enabled").asBoolean(), statistics.toString());
            assertTrue(statistics.get("CreatedCount").asInt() >= 1, statistics.toString());
        }
    }

    @Test
    @Order(7)
    void warningsPrintAsTheServersOwnDo() throws Exception {
        dropStoreUserSessions();
        await().atMost(Duration.ofSeconds(30)).until(() -> logSinceSetup().lines()
                .anyMatch(line -> line.contains(" WARN  [io.amira.inbound] ") && line.contains("AMIRA-IN-041")));
        assertFalse(logSinceSetup().contains("WARNING [io.amira"), "a JUL level name in server.log");
    }

    /** The typo: ActionTimeout for ActionTimeoutMillis. The adapter fails, saying what was meant; its value shows nowhere. */
    @Test
    @Order(10)
    void aTypoFailsTheAdapterNamingTheValidProperties() throws Exception {
        try (Management m = Management.connect()) {
            ModelNode add = operation("add", address("subsystem", "resource-adapters", "resource-adapter", RAR,
                    "config-properties", "ActionTimeout"));
            add.get("value").set("4321");
            m.result(add);
            assertEquals("running", m.serverState(), "WildFly takes the typo without a word");
            m.reload();

            assertEquals("FAILED", m.deploymentStatus(RAR));
            String errors = m.result(operation("read-boot-errors", address("core-service", "management"))).toString();
            assertTrue(errors.contains("The Amira resource adapter is misconfigured: unknown property ActionTimeout"
                    + " (did you mean ActionTimeoutMillis?). Its properties are: ActionTimeoutMillis,"
                    + " ActivationCredentialsFrom, AuthRetryDelayMillis,"), errors);
            assertFalse(errors.contains("4321"), errors);
            assertEquals("FAILED", m.deploymentStatus(PROBE + ".war"), "an application using the adapter cannot start without it");
        }
    }

    /** Another AMI server, port and user: amira.cli run again converges (and undoes the typo's reload too). */
    @Test
    @Order(11)
    void runningAmiraCliAgainConverges() throws Exception {
        try (Management m = Management.connect()) {
            m.removeIfPresent(address("subsystem", "resource-adapters", "resource-adapter", RAR, "config-properties", "ActionTimeout"));
        }
        runAmiraCli(moved.host(), moved.port(), "ops2");

        await().atMost(Duration.ofSeconds(60)).until(() -> "Success".equals(ping(PROBE, FACTORY).body()));
        assertTrue(moved.logins() > 0, "the pool logged in to the new server as the new user");
        try (Management m = Management.connect()) {
            assertEquals("OK", m.deploymentStatus(RAR));
            long stops = serverStops();
            runAmiraCli(moved.host(), moved.port(), "ops2");
            assertEquals(stops, serverStops(), "nothing changed, yet the server reloaded");
            assertEquals("running", m.serverState());
        }
    }

    @Test
    @Order(12)
    void theUndoScriptRemovesEverythingTheScriptsAdded() throws Exception {
        for (String deployment : List.of(EAR, MDB_JAR, PROBE, RAR)) {
            deployer.undeploy(deployment);
        }
        CliScript.run(CliScript.UNDO, Map.of(), Map.of());

        try (Management m = Management.connect()) {
            assertEquals("running", m.serverState());
            assertEquals(before, m.configurationSnapshot());
        }
    }

    private static String runAmiraCli(String host, int port, String user) throws IOException, InterruptedException {
        return CliScript.run(CliScript.AMIRA, Map.of("amiraHost", host, "amiraPort", Integer.toString(port),
                "amiraUser", user), Map.of());
    }

    /** The sessions of the store's user on the target: the simulator's count, or Asterisk's {@code manager show connected}. */
    private static int storeUserSessions() {
        return target != null ? target.activeSessions() : AmiSessions.count();
    }

    /** Ends every session of the store's user: the simulator drops them; a real Asterisk kicks each. */
    private static void dropStoreUserSessions() throws Exception {
        if (target != null) {
            target.dropAllConnections();
        } else {
            AmiSessions.kickAll();
        }
    }

    private static AmiClientConfig asteriskAdmin() {
        return AmiClientConfig.builder().host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret()).build();
    }

    /** A UserEvent AdminRoute every session of the target with the user class sees. */
    private static void raiseAdminRouteEvent() throws Exception {
        if (target != null) {
            target.emitEvent("UserEvent", Map.of("UserEvent", "AdminRoute", "Privilege", "user,all"));
            return;
        }
        try (AmiClient client = AmiClient.connect(asteriskAdmin(), null)) {
            client.send(AmiAction.builder("UserEvent").header("UserEvent", "AdminRoute").build());
        }
    }

    /** A connection definition of its own at java:/eis/amira-{name}, with these properties and no container sign-on. */
    private static void addDefinition(Management m, String name, Map<String, String> properties) {
        ModelNode definition = address("subsystem", "resource-adapters", "resource-adapter", RAR,
                "connection-definitions", name);
        ModelNode add = operation("add", definition);
        add.get("class-name").set("io.amira.outbound.AmiManagedConnectionFactory");
        add.get("jndi-name").set("java:/eis/amira-" + name);
        m.result(add);
        properties.forEach((property, value) -> {
            ModelNode config = operation("add", definition.clone().add("config-properties", property));
            config.get("value").set(value);
            m.result(config);
        });
    }

    private void assertReadiness(String definition, String status, String server, String cause) throws Exception {
        String jndi = "amira".equals(definition) ? FACTORY : "java:/eis/amira-" + definition;
        String readiness = AdminDeployments.get(PROBE, "readiness", jndi).body();
        assertTrue(readiness.startsWith("status=" + status + "\n"), readiness);
        assertTrue(readiness.contains("\nserver=" + server + "\n"), readiness);
        if (cause != null) {
            assertTrue(readiness.contains("\ncause=") && readiness.substring(readiness.indexOf("\ncause=")).contains(cause), readiness);
            assertTrue(readiness.contains("\nerror=") && readiness.substring(readiness.indexOf("\nerror=")).contains(server), readiness);
        }
    }

    private HttpResponse<String> ping(String context, String jndi) throws Exception {
        return AdminDeployments.get(context, "ping", jndi);
    }

    private String events(String context) throws Exception {
        return AdminDeployments.get(context, "events", null).body();
    }

    /** WFLYSRV0050, "stopped": once per reload. */
    private static long serverStops() throws IOException {
        return Files.readString(ServerBaseDirectory.serverLog()).lines().filter(line -> line.contains("WFLYSRV0050")).count();
    }

    private static String logSinceSetup() throws IOException {
        String log = Files.readString(ServerBaseDirectory.serverLog());
        return log.length() > logMark ? log.substring((int) logMark) : log;
    }
}
