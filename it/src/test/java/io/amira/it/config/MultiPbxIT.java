package io.amira.it.config;

import io.amira.api.AmiConnectException;
import io.amira.api.AmiLifecycleEvents;
import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.ItServer;
import io.amira.it.config.pbx.mdb.PbxRecorderBean;
import io.amira.it.config.pbx.probe.PbxProbe;
import io.amira.it.probes.FailureAnswer;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.amira.it.config.Management.address;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several PBXs in one application (WildFly): docs/wildfly/multi-pbx.cli run by jboss-cli.sh adds
 * resource adapter amira-pbx (own work manager) with pools java:/eis/pbx1 and java:/eis/pbx2,
 * ConfigPrefix amira.pbx1 / amira.pbx2, and those keys as system properties; the secrets come from the environment (AMIRA_PBX1_SECRET,
 * AMIRA_PBX2_SECRET, set by the build). PBX 1 is the run's AMI target (the simulator, or the real
 * Asterisk named by AMIRA_IT_HOST), PBX 2 a second simulator with its own user and secret. One MDB
 * class is declared twice in ejb-jar.xml, an activation per PBX with configPrefix, bound to amira-pbx. Proves: each
 * pool names and reaches its own PBX; each activation receives only its PBX's events, each tagged
 * with that PBX's server(); PBX 2 going down and coming back neither disturbs PBX 1's pool nor its
 * stream. WildFly only: Payara defines its pools with asadmin, not this CLI script.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiPbxIT {

    private static final String EAR = "amira-multi-pbx";
    private static final String PBX2_USER = "pbx2-ops";
    private static final String PROBE = "/pbx-probe/pbx/";
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final ModelNode RA = address("subsystem", "resource-adapters", "resource-adapter", "amira-pbx");
    private static final ModelNode WORK_MANAGER = address("subsystem", "jca", "workmanager", "amira-pbx");
    private static final List<String> SYSTEM_PROPERTIES = List.of("amira.pbx1.host", "amira.pbx1.port",
            "amira.pbx1.username", "amira.pbx2.host", "amira.pbx2.port", "amira.pbx2.username");

    /** One MDB class, two activations: each reads its PBX under its own MicroProfile Config prefix. */
    private static final String EJB_JAR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
              <enterprise-beans>
            %s%s  </enterprise-beans>
            </ejb-jar>
            """;
    private static final String ACTIVATION = """
                <message-driven>
                  <ejb-name>%1$s</ejb-name>
                  <ejb-class>%2$s</ejb-class>
                  <messaging-type>io.amira.api.AmiEventListener</messaging-type>
                  <activation-config>
                    <activation-config-property>
                      <activation-config-property-name>configPrefix</activation-config-property-name>
                      <activation-config-property-value>amira.%3$s</activation-config-property-value>
                    </activation-config-property>
                  </activation-config>
                  <env-entry>
                    <env-entry-name>activation</env-entry-name>
                    <env-entry-type>java.lang.String</env-entry-type>
                    <env-entry-value>%3$s</env-entry-value>
                  </env-entry>
                </message-driven>
            """;

    private static AmiSimulator pbx2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        String bean = PbxRecorderBean.class.getName();
        String ejbJar = EJB_JAR.formatted(ACTIVATION.formatted("Pbx1Events", bean, "pbx1"), ACTIVATION.formatted("Pbx2Events", bean, "pbx2"));
        JavaArchive mdbs = Deployments.mdbModule("pbx-mdbs.jar", "amira-pbx").addPackage(PbxRecorderBean.class.getPackage())
                .addAsManifestResource(new StringAsset(ejbJar), "ejb-jar.xml");
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "pbx-probe.war").addPackage(PbxProbe.class.getPackage()).addClass(FailureAnswer.class);
        return Deployments.amiraEar().addAsModule(mdbs).addAsModule(probe);
    }

    /** Once per class: the second PBX, the script, the EAR; then both activations connected. */
    @BeforeEach
    void scriptAppliedThenDeployed() throws Exception {
        assumeTrue(ItServer.current() == ItServer.WILDFLY, "docs/wildfly/multi-pbx.cli is WildFly's");
        if (pbx2 != null) {
            return;
        }
        pbx2 = AmiSimulator.start(SimulatorConfig.builder().port(0)
                .user(PBX2_USER, System.getenv("AMIRA_PBX2_SECRET"), "all", "all").build());
        String output = CliScript.run(CliScript.MULTI_PBX, Map.of(
                "pbx1Host", AmiTarget.host(), "pbx1Port", Integer.toString(AmiTarget.port()), "pbx1User", AmiTarget.username(),
                "pbx2Host", pbx2.host(), "pbx2Port", Integer.toString(pbx2.port()), "pbx2User", PBX2_USER), Map.of());
        assertTrue(output.contains("The batch executed successfully"), output);
        deployer.deploy(EAR);
        await().atMost(DELIVERY).until(() -> count("pbx1", AmiLifecycleEvents.CONNECTED) > 0
                && count("pbx2", AmiLifecycleEvents.CONNECTED) > 0);
    }

    /** Last: undeploying and removing what the script added leaves the server as the other tests expect it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void removingTheDefinitionsUndoesTheScript() {
        deployer.undeploy(EAR);
        try (Management m = Management.connect()) {
            removeDefinitions(m);
            assertFalse(m.exists(RA));
            assertFalse(m.exists(WORK_MANAGER));
            assertFalse(m.exists(address("system-property", "amira.pbx2.host")));
            assertEquals("running", m.serverState());
        }
    }

    @AfterAll
    static void nothingLeftBehind() {
        try (Management m = Management.connect()) {
            removeDefinitions(m);
        } finally {
            if (pbx2 != null) {
                pbx2.close();
                pbx2 = null;
            }
        }
    }

    private static void removeDefinitions(Management m) {
        m.removeIfPresent(RA);
        AdapterDefinitions.removeWorkManagerIfPresent(m, "amira-pbx");
        for (String property : SYSTEM_PROPERTIES) {
            m.removeIfPresent(address("system-property", property));
        }
        m.reloadIfRequired();
    }

    @Test
    @Order(1)
    void eachPoolNamesAndReachesItsOwnPbx() throws Exception {
        assertEquals(pbx1Server(), probe("server?jndi=" + jndi("pbx1")).body());
        assertEquals(pbx2Server(), probe("server?jndi=" + jndi("pbx2")).body());
        long pbx2Before = pbx2.actionsReceived("UserEvent");

        assertEquals("Success", userEvent("pbx2", token()).body());
        assertEquals(pbx2Before + 1, pbx2.actionsReceived("UserEvent"), "pbx2's pool sent its action to pbx2");

        long pbx1Before = AmiTarget.isSimulated() ? AmiTarget.simulator().actionsReceived("UserEvent") : 0;
        assertEquals("Success", userEvent("pbx1", token()).body());
        assertEquals(pbx2Before + 1, pbx2.actionsReceived("UserEvent"), "pbx1's pool sent nothing to pbx2");
        if (AmiTarget.isSimulated()) {
            assertEquals(pbx1Before + 1, AmiTarget.simulator().actionsReceived("UserEvent"), "pbx1's pool sent its action to pbx1");
        }
    }

    @Test
    @Order(2)
    void eachActivationReceivesOnlyItsPbxsEventsTaggedWithItsServer() throws Exception {
        String token1 = token();
        String token2 = token();

        assertEquals("Success", userEvent("pbx1", token1).body());
        assertEquals("Success", userEvent("pbx2", token2).body());

        String from1 = "UserEvent|" + pbx1Server() + "|MultiPbx|" + token1;
        String from2 = "UserEvent|" + pbx2Server() + "|MultiPbx|" + token2;
        await().atMost(DELIVERY).until(() -> recorded("pbx1").contains(from1) && recorded("pbx2").contains(from2));
        assertOnlyFrom("pbx1", pbx1Server(), token2);
        assertOnlyFrom("pbx2", pbx2Server(), token1);
    }

    @Test
    @Order(3)
    void onePbxGoingDownAndComingBackDoesNotDisturbTheOther() throws Exception {
        long pbx1Disconnects = count("pbx1", AmiLifecycleEvents.DISCONNECTED);
        long pbx2Disconnects = count("pbx2", AmiLifecycleEvents.DISCONNECTED);
        long pbx2Reconnects = count("pbx2", AmiLifecycleEvents.RECONNECTED);

        pbx2.stopListening();
        pbx2.dropAllConnections();
        try {
            await().atMost(DELIVERY).until(() -> count("pbx2", AmiLifecycleEvents.DISCONNECTED) > pbx2Disconnects);
            HttpResponse<String> refused = userEvent("pbx2", token());
            assertEquals(500, refused.statusCode(), refused.body());
            assertTrue(refused.body().startsWith(AmiConnectException.class.getName() + ": ")
                    && refused.body().contains(pbx2Server()), "an AmiConnectException naming pbx2: " + refused.body());

            String during = token();
            assertEquals("Success", userEvent("pbx1", during).body(), "pbx1's pool works while pbx2 is down");
            await().atMost(DELIVERY).until(() -> recorded("pbx1").contains("UserEvent|" + pbx1Server() + "|MultiPbx|" + during));
        } finally {
            pbx2.startListening();
        }

        await().atMost(DELIVERY).until(() -> count("pbx2", AmiLifecycleEvents.RECONNECTED) > pbx2Reconnects);
        String after = token();
        assertEquals("Success", userEvent("pbx2", after).body());
        await().atMost(DELIVERY).until(() -> recorded("pbx2").contains("UserEvent|" + pbx2Server() + "|MultiPbx|" + after));
        assertEquals(pbx1Disconnects, count("pbx1", AmiLifecycleEvents.DISCONNECTED), "pbx1's stream never broke: " + recorded("pbx1"));
        assertOnlyFrom("pbx1", pbx1Server(), after);
        assertOnlyFrom("pbx2", pbx2Server(), "no-such-token");
    }

    // --- helpers ---

    /** Every event the activation received, lifecycle ones included, names its server, and none carries {@code foreignToken}. */
    private void assertOnlyFrom(String activation, String server, String foreignToken) throws Exception {
        for (String line : recorded(activation)) {
            assertTrue(line.contains("|" + server + "|"), activation + " received an event of another server: " + line);
            assertFalse(line.endsWith("|" + foreignToken), activation + " received the other PBX's event: " + line);
        }
    }

    private static String pbx1Server() {
        return AmiTarget.host() + ":" + AmiTarget.port();
    }

    private static String pbx2Server() {
        return pbx2.host() + ":" + pbx2.port();
    }

    private static String jndi(String pbx) {
        return URLEncoder.encode("java:/eis/" + pbx, StandardCharsets.UTF_8);
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private HttpResponse<String> userEvent(String pbx, String token) throws Exception {
        return probe("user-event?jndi=" + jndi(pbx) + "&token=" + token);
    }

    private long count(String activation, String eventName) throws Exception {
        return recorded(activation).stream().filter(line -> line.startsWith(eventName + "|")).count();
    }

    private List<String> recorded(String activation) throws Exception {
        HttpResponse<String> response = probe("events/" + activation);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().isEmpty() ? List.of() : List.of(response.body().split("\n"));
    }

    private HttpResponse<String> probe(String path) throws Exception {
        URI uri = URI.create(ItServer.webUri() + PROBE + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
