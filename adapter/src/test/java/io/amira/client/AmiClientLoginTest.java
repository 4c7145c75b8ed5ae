package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.amira.client.SimulatorClients.admin;
import static io.amira.client.SimulatorClients.config;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiClientLoginTest {

    private AmiSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void plainLoginThenPingThenClose() throws Exception {
        simulator = AmiSimulator.start();
        AmiClient client = AmiClient.connect(admin(simulator).build(), null);
        try {
            assertTrue(client.isConnected());
            assertTrue(client.banner().startsWith("Asterisk Call Manager/"), client.banner());
            assertEquals(simulator.host() + ":" + simulator.port(), client.server());
            AmiResponse pong = client.send(AmiAction.of("Ping"));
            assertTrue(pong.isSuccess());
            assertEquals("Pong", pong.get("Ping"));
            assertEquals(1, simulator.logins());
        } finally {
            client.close();
        }
        assertFalse(client.isConnected());
        assertEquals(1, simulator.actionsReceived("Logoff"), "close() logs off");
        await().atMost(Duration.ofSeconds(2)).until(() -> simulator.activeSessions() == 0);
        client.close(); // idempotent
    }

    @Test
    void md5ChallengeLogin() throws Exception {
        simulator = AmiSimulator.start();
        try (AmiClient client = AmiClient.connect(admin(simulator).authType(AmiClientConfig.AuthType.MD5).build(),
                null)) {
            assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
            assertEquals(1, simulator.actionsReceived("Challenge"));
            assertEquals(1, simulator.logins());
        }
    }

    @Test
    void wrongSecretIsAnAuthenticationErrorNamingServerAndUserNeverTheSecret() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).failedLoginDelay(Duration.ofMillis(50)).build());
        AmiAuthenticationException e = assertThrows(AmiAuthenticationException.class,
                () -> AmiClient.connect(config(simulator, "admin", "wrong-secret-123").build(), null));
        String message = e.getMessage();
        assertTrue(message.contains(simulator.host() + ":" + simulator.port()), message);
        assertTrue(message.contains("'admin'"), message);
        assertTrue(message.contains("Authentication failed"), message);
        assertFalse(message.contains("wrong-secret-123"), message);
        assertEquals(0, simulator.logins());
        await().atMost(Duration.ofSeconds(2)).until(() -> simulator.activeSessions() == 0);
    }

    @Test
    void md5LoginWithWrongSecretAndUnknownUserAreRefused() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).failedLoginDelay(Duration.ofMillis(50)).build());
        AmiAuthenticationException md5 = assertThrows(AmiAuthenticationException.class, () -> AmiClient.connect(
                config(simulator, "admin", "nope").authType(AmiClientConfig.AuthType.MD5).build(), null));
        assertTrue(md5.getMessage().contains("MD5"), md5.getMessage());
        AmiAuthenticationException unknown = assertThrows(AmiAuthenticationException.class,
                () -> AmiClient.connect(config(simulator, "nobody", "x").build(), null));
        assertTrue(unknown.getMessage().contains("'nobody'"), unknown.getMessage());
    }

    @Test
    void unreachableServerSaysWhereAndWhatToCheck() throws Exception {
        simulator = AmiSimulator.start();
        int port = simulator.port();
        simulator.close();
        simulator = null;
        AmiException e = assertThrows(AmiException.class, () -> AmiClient.connect(AmiClientConfig.builder()
                .port(port).username("admin").secret("amp111").connectTimeout(Duration.ofSeconds(1)).build(), null));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void tlsLoginWithTheSimulatorsTrustStoreAndHostnameVerification() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).tls(true).build());
        AmiClientConfig tls = admin(simulator).tls(true)
                .trustStore(simulator.trustStorePath())
                .trustStorePassword(simulator.trustStorePassword())
                .trustStoreType(simulator.trustStoreType())
                .build();
        assertTrue(tls.verifyHostname());
        try (AmiClient client = AmiClient.connect(tls, null)) {
            assertTrue(client.banner().startsWith("Asterisk Call Manager/"));
            assertTrue(client.send(AmiAction.of("Ping")).isSuccess());
        }
    }

    @Test
    void tlsWithoutTrustingTheServerFailsTheHandshake() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).tls(true).build());
        AmiException e = assertThrows(AmiException.class,
                () -> AmiClient.connect(admin(simulator).tls(true).build(), null));
        assertTrue(e.getMessage().contains("TLS handshake with " + simulator.host() + ":" + simulator.port()),
                e.getMessage());
    }
}
