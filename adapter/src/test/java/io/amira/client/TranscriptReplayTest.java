package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiException;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the client side of every shared transcript through the client against the simulator: the
 * login the recording made (user, plain or MD5, Events, TLS), then each recorded action, and checks
 * each answer means what Asterisk's recorded answer meant (Success, Error, Goodbye...).
 */
class TranscriptReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"00-nc-quickcheck", "01-login-success", "03-challenge-md5-login", "04-list-actions",
            "05-command", "06-originate-async-events", "07-errors", "09-originate-sync", "10-permissions-readonly",
            "10b-permissions-limited", "11-tls-login", "12-events-action-userevent"})
    void recordedActionsGetTheRecordedKindOfAnswer(String name) throws Exception {
        Transcript transcript = Transcript.load(name);
        boolean tls = name.startsWith("11-");
        try (AmiSimulator simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).tls(tls).build());
             AmiClient client = AmiClient.connect(loginOf(transcript, simulator, tls), null)) {
            Map<String, String> expectedById = transcript.responsesByActionId();
            List<String> expectedInOrder = transcript.responsesInOrder();
            List<String> actual = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            int index = 0;
            for (List<String[]> packet : transcript.sent) {
                String action = Transcript.get(packet, "Action");
                index++;
                // A packet without an Action header (07-errors e2) cannot be built as an AmiAction;
                // Login, Challenge and Logoff are the client's own business.
                if (action == null || action.equalsIgnoreCase("Login") || action.equalsIgnoreCase("Challenge")
                        || action.equalsIgnoreCase("Logoff")) {
                    continue;
                }
                AmiAction.Builder builder = AmiAction.builder(action);
                for (String[] header : packet) {
                    if (!header[0].equalsIgnoreCase("Action") && !header[0].equalsIgnoreCase("ActionID")) {
                        builder.header(header[0], header[1]);
                    }
                }
                String recordedId = Transcript.get(packet, "ActionID");
                expected.add(action + "=" + (recordedId != null ? expectedById.get(recordedId)
                        : expectedInOrder.get(index - 1)));
                actual.add(action + "=" + answerOf(client, builder.build()));
            }
            assertEquals(expected, actual, name);
            assertTrue(client.isConnected());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-login-failure", "02b-login-unknown-user", "03b-challenge-md5-login-bad-key"})
    void recordedFailedLoginsAreRefused(String name) throws Exception {
        Transcript transcript = Transcript.load(name);
        assertEquals("Error", transcript.responsesInOrder().get(transcript.responsesInOrder().size() - 1));
        try (AmiSimulator simulator = AmiSimulator.start(SimulatorConfig.builder().port(0)
                .failedLoginDelay(Duration.ofMillis(20)).build())) {
            AmiAuthenticationException e = assertThrows(AmiAuthenticationException.class,
                    () -> AmiClient.connect(loginOf(transcript, simulator, false), null));
            assertTrue(e.getMessage().contains("Authentication failed"), e.getMessage());
        }
    }

    /** 02c records actions sent before Login; the client always logs in first, so it answers them itself. */
    @Test
    void actionsBeforeLoginAreNotPossibleThroughTheClient() throws Exception {
        Transcript transcript = Transcript.load("02c-action-before-login");
        assertEquals(List.of("Error", "Error"), transcript.responsesInOrder());
        try (AmiSimulator simulator = AmiSimulator.start();
             AmiClient client = AmiClient.connect(SimulatorClients.admin(simulator).build(), null)) {
            assertEquals(1, simulator.logins(), "the login came before any action");
            assertEquals("Success", answerOf(client, AmiAction.of("Ping")));
        }
    }

    private static String answerOf(AmiClient client, AmiAction action) {
        try {
            AmiResponse response = client.send(action, Duration.ofSeconds(10));
            return response.name();
        } catch (AmiActionFailedException e) {
            return e.response().name();
        } catch (AmiPermissionDeniedException e) {
            return e.response().name();
        } catch (AmiException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static AmiClientConfig loginOf(Transcript transcript, AmiSimulator simulator, boolean tls) {
        List<String[]> login = null;
        boolean md5 = false;
        for (List<String[]> packet : transcript.sent) {
            String action = Transcript.get(packet, "Action");
            if ("Challenge".equalsIgnoreCase(action)) {
                md5 = true;
            }
            if ("Login".equalsIgnoreCase(action)) {
                login = packet;
                break;
            }
        }
        String username = Transcript.get(login, "Username");
        String secret = Transcript.get(login, "Secret");
        if (md5) {
            // The recording holds only the MD5 key; the secret is the recorded user's, or a wrong one.
            secret = transcript.name.contains("bad-key") ? "not-the-secret" : "amp111";
        }
        String events = Transcript.get(login, "Events");
        AmiClientConfig.Builder config = SimulatorClients.config(simulator, username, secret)
                .authType(md5 ? AmiClientConfig.AuthType.MD5 : AmiClientConfig.AuthType.PLAIN)
                .events(events == null ? "on" : events);
        if (tls) {
            config.tls(true).trustStore(simulator.trustStorePath())
                    .trustStorePassword(simulator.trustStorePassword()).trustStoreType(simulator.trustStoreType());
        }
        return config.build();
    }
}
