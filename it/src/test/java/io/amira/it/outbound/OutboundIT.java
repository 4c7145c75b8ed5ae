package io.amira.it.outbound;

import io.amira.it.AmiSessions;
import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.ItServer;
import io.amira.simulator.AmiSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound side: the sample's CallControlBean sends actions through the injected connection
 * factory (pool maximum 20: WildFly java:/eis/amira from the RAR's ironjacamar.xml, Payara
 * java:app/eis/amira from the EAR's glassfish-resources.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundIT {

    private static final int POOL_MAX = 20;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        // On a real Asterisk the pool logs in as the dedicated session user, whose sessions a test can kick.
        return OutboundDeployments.withOutboundProbe(Deployments.withProbe(Deployments.amiraEarWithCountedSessions()));
    }

    @Test
    void anEjbOriginatesAndLearnsTheOutcome() throws Exception {
        HttpResponse<String> answer = get("originate?channel=" + encode(AmiTarget.channel()) + "&context=demo&exten=s");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("Success reason=ANSWERED uniqueId="), answer.body());
    }

    @Test
    void anEjbListsChannelsWithStatus() throws Exception {
        HttpResponse<String> answer = get("status");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("Success items="), answer.body());
        assertTrue(answer.body().endsWith("complete=StatusComplete"), answer.body());
    }

    @Test
    void anEjbRunsACliCommand() throws Exception {
        HttpResponse<String> answer = get("command?cli=" + encode("core show version"));

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("Asterisk"), answer.body());
    }

    @Test
    void hundredConcurrentCallersShareThePoolWithinItsMaximum() throws Exception {
        AmiSimulator simulator = AmiTarget.isSimulated() ? AmiTarget.simulator() : null;
        long acceptedBefore = simulator == null ? 0 : simulator.sessionsAccepted();
        int activeBefore = simulator == null ? 0 : simulator.activeSessions();
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<?> sampling = sampler.submit(() -> {
            while (simulator != null && loading.get()) {
                peak.accumulateAndGet(simulator.activeSessions(), Math::max);
                Thread.onSpinWait();
            }
        });
        HttpResponse<String> answer;
        try {
            answer = get("load?callers=100&actions=50");
        } finally {
            loading.set(false);
            sampling.get(10, TimeUnit.SECONDS);
            sampler.shutdownNow();
        }

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("completed=5000 failed=0", answer.body());
        if (simulator != null) {
            long opened = simulator.sessionsAccepted() - acceptedBefore;
            assertTrue(peak.get() <= activeBefore + POOL_MAX,
                    "peak " + peak.get() + " sessions, " + activeBefore + " before the load");
            // Payara's pool, at its maximum under contention, now and then closes a free session it
            // raced past and opens another, the more the busier the machine (docs/payara.md): there
            // only the maximum at once holds, and that sessions are reused (5000 actions).
            int openedAtMost = ItServer.current() == ItServer.PAYARA ? 5 * POOL_MAX : POOL_MAX;
            assertTrue(opened <= openedAtMost, "the pool opened " + opened + " sessions for 100 callers");
        }
    }

    @Test
    void thePoolHealsAfterItsSessionsAreLost() throws Exception {
        assertEquals("true", get("ping").body());

        if (AmiTarget.isSimulated()) {
            AmiTarget.simulator().refuseConnections(Duration.ofSeconds(2)); // a restart
        } else {
            AmiSessions.kickAll(); // every session of the pool's (dedicated) user
        }

        long start = System.nanoTime();
        HttpResponse<String> first = get("ping");
        long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(first.statusCode() == 200 || firstMillis < 10_000,
                "the first call after the restart neither succeeded nor failed fast: " + firstMillis + " ms, " + first.body());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "true".equals(get("ping").body()));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> next = get("ping");
            assertEquals(200, next.statusCode(), next.body());
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return OutboundDeployments.get(ItServer.webUri(), pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
