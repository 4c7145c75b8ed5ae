package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnectException;
import io.amira.simulator.AmiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.amira.client.SimulatorClients.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connect timeout is one deadline for TCP connect, TLS handshake, Challenge and Login together
 * (the action timeout plays no part), held to within 200 ms.
 */
class ConnectDeadlineTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final long TOLERANCE_MILLIS = 200;

    /** Connect attempts the last {@link #failsAtTheDeadline} made. */
    private int attempts;

    private AmiSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void challengeAndLoginEachInTimeButTogetherLateFailAtTheDeadline() throws Exception {
        simulator = AmiSimulator.start();
        simulator.delayResponses(Duration.ofMillis(700));
        AmiClientConfig config = admin(simulator).authType(AmiClientConfig.AuthType.MD5)
                .connectTimeout(CONNECT_TIMEOUT).actionTimeout(Duration.ofSeconds(10)).build();

        AmiConnectException e = failsAtTheDeadline(() -> AmiClient.connect(config, null));

        assertTrue(e.getMessage().contains(simulator.host() + ":" + simulator.port()), e.getMessage());
        assertTrue(e.getMessage().contains("the Login did not complete"), e.getMessage());
        assertTrue(e.getMessage().contains("connect timeout of 1000 ms"), e.getMessage());
        assertEquals(attempts, simulator.actionsReceived("Challenge"), "one Challenge per connect");
    }

    @Test
    void aSlowLoginWithinTheDeadlineConnects() throws Exception {
        simulator = AmiSimulator.start();
        simulator.delayResponses(Duration.ofMillis(300));
        AmiClientConfig config = admin(simulator).authType(AmiClientConfig.AuthType.MD5)
                .connectTimeout(CONNECT_TIMEOUT).build();

        try (AmiClient client = AmiClient.connect(config, null)) {
            assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AmiClientConfig config = AmiClientConfig.builder().host("127.0.0.1").port(silent.getLocalPort())
                    .username("admin").secret("amp111").connectTimeout(CONNECT_TIMEOUT).build();

            AmiConnectException e = failsAtTheDeadline(() -> AmiClient.connect(config, null));

            assertTrue(e.getMessage().contains("the Challenge did not complete"), e.getMessage());
        }
    }

    @Test
    void aTlsHandshakeThatNeverCompletesFailsAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AmiClientConfig config = AmiClientConfig.builder().host("127.0.0.1").port(silent.getLocalPort())
                    .username("admin").secret("amp111").tls(true).connectTimeout(CONNECT_TIMEOUT).build();

            AmiConnectException e = failsAtTheDeadline(() -> AmiClient.connect(config, null));

            assertTrue(e.getMessage().contains("the TLS handshake did not complete"), e.getMessage());
        }
    }

    /**
     * Connects until an attempt fails within the tolerance past the deadline, at most three times:
     * a late wake-up on a loaded machine is noise, a deadline that does not hold misses every time.
     * Failing before the deadline fails at once.
     */
    private AmiConnectException failsAtTheDeadline(Executable connect) {
        List<Long> late = new ArrayList<>();
        for (attempts = 1; ; attempts++) {
            long start = System.nanoTime();
            AmiConnectException e = assertThrows(AmiConnectException.class, connect);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= CONNECT_TIMEOUT.toMillis() - 20,
                    "failed after " + millis + " ms, before the deadline of " + CONNECT_TIMEOUT.toMillis() + " ms: " + e.getMessage());
            if (millis < CONNECT_TIMEOUT.toMillis() + TOLERANCE_MILLIS) {
                return e;
            }
            late.add(millis);
            assertTrue(attempts < 3, "failed after " + late + " ms, the deadline is " + CONNECT_TIMEOUT.toMillis() + " ms: "
                    + e.getMessage());
        }
    }
}
