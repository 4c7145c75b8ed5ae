package io.amira.it.outbound;

import io.amira.it.AmiSessions;
import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.ServerBaseDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployed pool (java:/eis/amira, the RAR's ironjacamar.xml, max-pool-size 20) under the
 * conditions of issue 12: a bean holding handles while their session dies, two users alternating,
 * Originates with different outcomes at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundPoolIT {

    private static final int MAX_POOL_SIZE = 20;
    /** IronJacamar's warnings of a pool that throws away or mismatches connections. */
    private static final Pattern POOL_WARNINGS = Pattern.compile("IJ0006(05|06|08|09|12|13)");

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        // On a real Asterisk the pool logs in as the dedicated session user, whose sessions a test can kick.
        return OutboundDeployments.withOutboundProbe(Deployments.withProbe(Deployments.amiraEarWithCountedSessions()));
    }

    @Test
    void aBeanHoldingHandlesAcrossALostSessionGetsTheCause() throws Exception {
        if (!AmiTarget.isSimulated()) {
            AmiSessions.assumeDedicatedUser();
        }
        CompletableFuture<HttpResponse<String>> held = OutboundDeployments.probeAsync(management.getWebUri(), "pool/hold?seconds=30");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "true".equals(get("pool/holding").body()));

        if (AmiTarget.isSimulated()) {
            AmiTarget.simulator().dropAllConnections();
        } else {
            AmiSessions.kickAll();
        }

        HttpResponse<String> answer = held.get();
        assertEquals(200, answer.statusCode(), answer.body());
        String[] outcomes = answer.body().split("\n");
        assertEquals(3, outcomes.length, answer.body());
        String server = AmiTarget.host() + ":" + AmiTarget.port();
        for (String outcome : outcomes) {
            String expected = outcome.startsWith("cci ") ? "jakarta.resource.spi.CommException: "
                    : "io.amira.api.AmiConnectionLostException: ";
            assertTrue(outcome.substring(outcome.indexOf(' ') + 1).startsWith(expected), outcome);
            assertTrue(outcome.contains(server), outcome);
            assertFalse(outcome.contains("IllegalStateException"), outcome);
        }
    }

    @Test
    void twoUsersAlternatingOverAThousandBorrowsLogInAtMostPoolSizeTimesEach() throws Exception {
        String first = AmiTarget.sessionUsername(); // the pool's own user
        String second = AmiTarget.secondUsername();
        long logFrom = Files.size(ServerBaseDirectory.serverLog());
        setOutboundLogLevel("DEBUG");
        try (LoginCounter server = AmiTarget.isSimulated() ? new LoginCounter() : null) {
            HttpResponse<String> answer = get("pool/alternate?borrows=1000&callers=4&user=" + encode(second)
                    + "&secret=" + encode(AmiTarget.secondSecret()));

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("completed=1000 failed=0", answer.body());
            String log = serverLogFrom(logFrom);
            Map<String, Integer> opened = sessionsOpened(log);
            assertTrue(opened.getOrDefault(first, 0) <= MAX_POOL_SIZE, "sessions opened per user: " + opened);
            assertTrue(opened.getOrDefault(second, 0) >= 1 && opened.get(second) <= MAX_POOL_SIZE,
                    "sessions opened per user: " + opened);
            assertFalse(POOL_WARNINGS.matcher(log).find(), "pool warnings in server.log:\n" + poolWarnings(log));
            if (server != null) {
                // The simulator's own count. Only for the second user: nothing else logs in as it.
                await().atMost(Duration.ofSeconds(5)).until(() -> server.logins(second) == opened.get(second));
            }
        } finally {
            setOutboundLogLevel(null);
        }
    }

    @Test
    void originatesAtOnceEachCompleteWithTheirOwnOutcome() throws Exception {
        Assumptions.assumeTrue(AmiTarget.isSimulated() || hasOutcomeContext(),
                "the real Asterisk lacks the dialplan context 'sim' (busy, congested, noanswer), see OutboundPoolIT");
        String[] channels = {AmiTarget.channel(), "Local/busy@sim", "Local/congested@sim", "Local/noanswer@sim",
                "Local/nosuch@sim"};

        HttpResponse<String> answer = get("pool/originate?ringSeconds=3&channels=" + encode(String.join(",", channels)));

        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String line : answer.body().split("\n")) {
            String[] parts = line.split(" ");
            assertTrue(parts[3].startsWith(parts[0]), "another call's outcome: " + line);
            outcomes.put(parts[0], parts[1] + " " + parts[2]);
        }
        assertEquals(Arrays.asList(channels), outcomes.keySet().stream().toList());
        assertEquals("Success ANSWERED", outcomes.get(channels[0]));
        assertEquals("Failure BUSY", outcomes.get("Local/busy@sim"));
        assertEquals("Failure CONGESTION", outcomes.get("Local/congested@sim"));
        assertEquals("Failure FAILURE", outcomes.get("Local/nosuch@sim"));
        // Asterisk 22.10.1 reports "rang until the Originate's Timeout" as Reason 3; the simulator says 1.
        String noAnswer = outcomes.get("Local/noanswer@sim");
        if (AmiTarget.isSimulated()) {
            assertTrue(noAnswer.startsWith("Failure ") && !noAnswer.endsWith("ANSWERED"), noAnswer);
        } else {
            assertEquals("Failure RING_TIMEOUT", noAnswer);
        }
    }

    /**
     * Whether the target's dialplan has the simulator's context {@code sim} (add it to a real
     * Asterisk's extensions.conf: {@code exten => busy,1,Busy()}, {@code exten => congested,1,Congestion()},
     * {@code exten => noanswer,1,Ringing()} then {@code Wait(60)}).
     */
    private boolean hasOutcomeContext() throws Exception {
        String dialplan = get("pool/cci/command?cli=" + encode("dialplan show sim")).body();
        return dialplan.contains("'busy'") && dialplan.contains("'congested'") && dialplan.contains("'noanswer'");
    }

    /** Per AMI user, the pooled sessions this server opened (AMIRA-OUT-001, logged at DEBUG). */
    private static Map<String, Integer> sessionsOpened(String log) {
        Map<String, Integer> opened = new LinkedHashMap<>();
        Matcher line = Pattern.compile("AMIRA-OUT-001 pooled AMI session opened to \\S+ as (\\S+)").matcher(log);
        while (line.find()) {
            opened.merge(line.group(1), 1, Integer::sum);
        }
        return opened;
    }

    private static String poolWarnings(String log) {
        return log.lines().filter(l -> POOL_WARNINGS.matcher(l).find()).limit(5).reduce("", (a, b) -> a + b + "\n");
    }

    private static String serverLogFrom(long offset) throws IOException {
        Path log = ServerBaseDirectory.serverLog();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] appended = new byte[(int) (file.length() - offset)];
            file.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        }
    }

    /** The io.amira.outbound logger's level; null removes the logger again. */
    private void setOutboundLogLevel(String level) throws IOException {
        ModelNode address = new ModelNode().add("subsystem", "logging").add("logger", "io.amira.outbound");
        ModelNode operation = new ModelNode();
        operation.get("address").set(address);
        if (level == null) {
            operation.get("operation").set("remove");
        } else {
            operation.get("operation").set("add");
            operation.get("level").set(level);
        }
        ModelNode result = management.getControllerClient().execute(operation);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return OutboundDeployments.probe(management.getWebUri(), pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
