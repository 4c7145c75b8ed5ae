package io.amira.it.config;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import io.amira.it.PayaraDomain;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.amira.it.config.ConfigDeployments.ZERO_CONFIG_FACTORY;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin-managed path on Payara: docs/payara/amira.asadmin run by Payara's own asadmin against
 * the test domain, as an operator would (the secret in a password file, turned into a password
 * alias), pointing the adapter at a second simulator with another user while MicroProfile Config
 * (the domain's amira.* system properties and AMIRA_SECRET) still points at the first. The script
 * deploys amira.ear (plus the config probe) itself: Payara wants the adapter's configuration before
 * the deployment and the pool after it. Proves: the resource-adapter-config wins over MicroProfile
 * Config for the admin pool, the zero-config pool and the sample's MDB alike (one adapter instance);
 * the secret is an alias reference in domain.xml, never in clear; the pool's monitoring follows the
 * load; a wrong secret on a pool fails the first use naming server and user and reaches no log.
 * Undoes everything at the end, so other test classes find the plain domain.
 */
class PayaraAdminManagedIT {

    static final Path SCRIPT = Path.of("..", "docs", "payara", "amira.asadmin").toAbsolutePath().normalize();

    private static final String ADMIN_USER = "ops";
    private static final String ADMIN_FACTORY = "eis/amira-admin";
    private static final String WRONG_FACTORY = "eis/amira-wrong-secret";
    private static final String WRONG_SECRET = "Wr0ng-" + Long.toHexString(System.nanoTime());
    private static final String SCRIPT_SERVER = "Host=127.0.0.1:Port=5038:Username=amira";
    private static final String SCRIPT_DEPLOY = "deploy --name amira amira.ear";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AmiSimulator adminTarget;
    private static PayaraDomain payara;

    @BeforeAll
    static void scriptRun() throws Exception {
        assumeTrue(ItServer.current() == ItServer.PAYARA, "runs docs/payara/amira.asadmin: Payara only");
        assumeTrue(AmiTarget.isSimulated(), "needs the simulator: a second AMI server with its own user");
        payara = PayaraDomain.current();
        adminTarget = AmiSimulator.start(SimulatorConfig.builder().port(0)
                .user(ADMIN_USER, AmiTarget.secret(), "all", "all").build());
        Path work = Files.createDirectories(Path.of("target", "payara-admin-managed").toAbsolutePath());
        Path ear = work.resolve("amira.ear");
        ConfigDeployments.amiraEarWithConfigProbe().as(ZipExporter.class).exportTo(ear.toFile(), true);
        Path passwords = work.resolve("amira.passwords");
        Files.writeString(passwords, "AS_ADMIN_ALIASPASSWORD=" + AmiTarget.secret() + System.lineSeparator());
        try {
            String output = payara.asadmin("--passwordfile", passwords.toString(), "multimode", "--file",
                    scriptFor(work, ear).toString());
            assertFalse(output.contains("failed"), output);
        } finally {
            Files.delete(passwords);
        }
    }

    /** The script as shipped, with the test's AMI server and EAR; fails when the lines it edits have changed. */
    private static Path scriptFor(Path work, Path ear) throws Exception {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        for (String expected : List.of(SCRIPT_SERVER, SCRIPT_DEPLOY)) {
            if (!script.contains(expected)) {
                throw new IllegalStateException(SCRIPT + " has no '" + expected + "' any more");
            }
        }
        String edited = script
                .replace(SCRIPT_SERVER, "Host=" + adminTarget.host() + ":Port=" + adminTarget.port() + ":Username=" + ADMIN_USER)
                .replace(SCRIPT_DEPLOY, "deploy --name amira " + ear)
                // and a second pool whose own (wrong) secret wins over the adapter's
                + "create-connector-connection-pool --raname amira#adapter --connectiondefinition io.amira.api.AmiConnectionFactory"
                + " --transactionsupport NoTransaction --steadypoolsize 0 --property Secret=" + WRONG_SECRET + " amira-wrong-secret\n"
                + "create-connector-resource --poolname amira-wrong-secret " + WRONG_FACTORY + "\n";
        return Files.writeString(work.resolve("amira.asadmin"), edited, StandardCharsets.UTF_8);
    }

    /**
     * The pools and resources by name, then undeploy (its --cascade also drops the adapter's
     * configuration), then alias and monitoring level; fails when anything of the script is left.
     */
    @AfterAll
    static void undoTheScript() throws Exception {
        try {
            if (payara != null) {
                String undo = String.join("\n",
                        "delete-connector-resource " + WRONG_FACTORY,
                        "delete-connector-connection-pool amira-wrong-secret",
                        "delete-connector-resource " + ADMIN_FACTORY,
                        "delete-connector-connection-pool amira-admin",
                        "undeploy --cascade=true amira",
                        "delete-password-alias amira-secret",
                        "set configs.config.server-config.monitoring-service.module-monitoring-levels.connector-connection-pool=OFF", "");
                Path work = Path.of("target", "payara-admin-managed").toAbsolutePath();
                String output = payara.asadmin("multimode", "--file", Files.writeString(work.resolve("undo.asadmin"), undo).toString());
                String left = payara.asadmin("multimode", "--file", Files.writeString(work.resolve("left.asadmin"),
                        "list-resource-adapter-configs\nlist-connector-connection-pools\n").toString());
                if (output.contains("failed") || left.contains("amira")) {
                    throw new IllegalStateException("Could not undo " + SCRIPT + ":\n" + output + left);
                }
            }
        } finally {
            if (adminTarget != null) {
                adminTarget.close();
                adminTarget = null;
            }
        }
    }

    @Test
    void theAdminPoolUsesTheAdaptersConfiguration() throws Exception {
        assertEquals(adminServer(), probe("server", ADMIN_FACTORY).body());
        long loginsBefore = adminTarget.logins();

        HttpResponse<String> ping = probe("ping", ADMIN_FACTORY);

        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("Success", ping.body());
        assertTrue(adminTarget.logins() > loginsBefore || adminTarget.activeSessions() > 0,
                "the admin pool logged in to " + adminServer());
    }

    /** One adapter instance on Payara: its configuration wins over MicroProfile Config for amira.ear's own pool too. */
    @Test
    void theSampleAndTheZeroConfigPoolFollowTheAdaptersConfiguration() throws Exception {
        assertEquals(adminServer(), probe("server", ZERO_CONFIG_FACTORY).body());
        long pingsBefore = adminTarget.actionsReceived("Ping");

        HttpResponse<String> ping = probe("sample-ping", ZERO_CONFIG_FACTORY);

        assertEquals("true", ping.body());
        assertTrue(adminTarget.actionsReceived("Ping") > pingsBefore, "the sample's Ping went to the admin-managed server");
    }

    @Test
    void theMessageDrivenBeanFollowsTheAdaptersConfiguration() {
        await().atMost(Duration.ofSeconds(30)).until(() -> ConfigDeployments.lastSampleActivationConnectedTo(adminServer()));
    }

    @Test
    void theSecretIsAPasswordAliasInDomainXml() throws Exception {
        String domainXml = Files.readString(PayaraDomain.directory().resolve("config").resolve("domain.xml"));

        assertTrue(domainXml.contains("name=\"Secret\" value=\"${ALIAS=amira-secret}\""), "no alias reference in domain.xml");
        assertFalse(domainXml.contains(AmiTarget.secret()), "the secret is in clear in domain.xml");
    }

    @Test
    void poolMonitoringFollowsTheLoad() throws Exception {
        CompletableFuture<HttpResponse<String>> holding = ConfigDeployments.getAsync(webUri(), "hold", ADMIN_FACTORY, "n=5");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> poolStatistic("numconnused", "current") == 5);
            assertTrue(poolStatistic("numconncreated", "count") >= 5);
        } finally {
            probe("release", ADMIN_FACTORY);
        }
        assertEquals("held 5", holding.get().body());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> poolStatistic("numconnused", "current") == 0);
        assertTrue(poolStatistic("numconnfree", "current") >= 5);
    }

    /** The wrong secret is set on the pool: it wins over the adapter's (right) one. */
    @Test
    void aWrongSecretFailsAtFirstUseNamingServerAndUserAndIsNeverLogged() throws Exception {
        HttpResponse<String> ping = probe("ping", WRONG_FACTORY);

        assertEquals(500, ping.statusCode(), ping.body());
        assertTrue(ping.body().contains(adminServer()), ping.body());
        assertTrue(ping.body().contains(ADMIN_USER), ping.body());
        assertFalse(ping.body().contains(WRONG_SECRET), ping.body());
        String log = Files.readString(ItServer.PAYARA.serverLog());
        assertFalse(log.contains(WRONG_SECRET), "the wrong secret is in " + ItServer.PAYARA.serverLog());
        assertFalse(log.contains(AmiTarget.secret()), "the real secret is in " + ItServer.PAYARA.serverLog());
    }

    /**
     * One of the pool's monitoring statistics from Payara's REST monitoring API (what
     * {@code asadmin get -m server.resources.amira-admin.*} shows), e.g. {@code numconnused}, {@code current}.
     */
    private static long poolStatistic(String name, String field) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + payara.adminPort() + "/monitoring/domain/server/resources/amira-admin");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"" + name + "\":\\{[^}]*\"" + field + "\":(\\d+)").matcher(answer.body());
        if (answer.statusCode() != 200 || !value.find()) {
            throw new IllegalStateException("No " + name + "." + field + " in " + answer.statusCode() + " " + answer.body());
        }
        return Long.parseLong(value.group(1));
    }

    private static String adminServer() {
        return adminTarget.host() + ":" + adminTarget.port();
    }

    private static HttpResponse<String> probe(String operation, String jndi) throws Exception {
        return ConfigDeployments.get(webUri(), operation, jndi);
    }

    private static URI webUri() {
        return ItServer.webUri();
    }
}
