package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against recorded Asterisk bytes, on a real socket, without the simulator. */
class AmiClientWireTest {

    private static String recorded(String file) throws IOException {
        try (InputStream in = AmiClientWireTest.class.getResourceAsStream("/ami-transcripts/asterisk-22/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AmiClientConfig.Builder config(TranscriptServer server) {
        return AmiClientConfig.builder().port(server.port()).username("admin").secret("amp111")
                .authType(AmiClientConfig.AuthType.PLAIN);
    }

    @Test
    void recordedLoginPingLogoff() throws Exception {
        try (TranscriptServer server = new TranscriptServer(recorded("01-login-success.rx"))) {
            AmiClient client = AmiClient.connect(config(server).build(), null);
            assertEquals("Asterisk Call Manager/11.0.0", client.banner());
            AmiResponse pong = client.send(AmiAction.of("Ping"));
            assertEquals("Pong", pong.get("Ping"));
            client.close();
            // The recorded client numbered its ActionIDs 1, 2, 3; ours carry the session's random prefix too.
            String sent = String.join("", server.received.subList(0, 3)).replaceAll("ActionID: [0-9a-z]+-", "ActionID: ");
            assertEquals(recorded("01-login-success.tx"), sent, "the client's bytes equal the recorded client's");
        }
    }

    @Test
    void recordedMd5ChallengeLoginSendsTheRecordedKey() throws Exception {
        try (TranscriptServer server = new TranscriptServer(recorded("03-challenge-md5-login.rx"))) {
            AmiClient client = AmiClient.connect(config(server).authType(AmiClientConfig.AuthType.MD5).build(), null);
            client.close();
            assertEquals("MD5", TranscriptServer.header(server.received.get(0), "AuthType"));
            assertEquals("8f355fbfedfd83832ced7ffce45f7210", TranscriptServer.header(server.received.get(1), "Key"));
            assertEquals(null, TranscriptServer.header(server.received.get(1), "Secret"), "MD5 never sends the secret");
        }
    }

    @Test
    void recordedListsAndErrors() throws Exception {
        try (TranscriptServer server = new TranscriptServer(recorded("04-list-actions.rx"))) {
            try (AmiClient client = AmiClient.connect(config(server).build(), null)) {
                for (int i = 0; i < 3; i++) {
                    client.send(AmiAction.of("Originate"));
                }
                AmiResponse status = client.send(AmiAction.of("Status"));
                assertEquals(String.valueOf(status.events().size()), status.completion().get("ListItems"));
                assertTrue(status.events().size() > 0);
                assertEquals(10, client.send(AmiAction.of("CoreShowChannels")).events().size());
                AmiResponse queues = client.send(AmiAction.of("QueueStatus"));
                assertEquals(8, queues.events().size());
                assertEquals("QueueParams", queues.events().get(0).name());
                assertEquals(3, client.send(AmiAction.of("QueueSummary")).events().size());
                assertEquals(0, client.send(AmiAction.of("QueueStatus")).events().size());
                assertEquals("No such channel", org.junit.jupiter.api.Assertions.assertThrows(
                        io.amira.api.AmiActionFailedException.class, () -> client.send(AmiAction.of("Status")))
                        .response().message());
            }
        }
    }

    @Test
    void recordedCommandOutputAndUserEventWithActionId() throws Exception {
        try (TranscriptServer server = new TranscriptServer(recorded("05-command.rx"))) {
            try (AmiClient client = AmiClient.connect(config(server).build(), null)) {
                AmiResponse channels = client.send(AmiAction.builder("Command").header("Command", "core show channels").build());
                assertEquals(4, channels.outputLines().size());
                assertEquals("0 active channels", channels.outputLines().get(1));
            }
        }
        SimulatorFreeListener listener = new SimulatorFreeListener();
        try (TranscriptServer server = new TranscriptServer(recorded("12-events-action-userevent.rx"))) {
            try (AmiClient client = AmiClient.connect(config(server).build(), listener)) {
                assertEquals("On", client.send(AmiAction.builder("Events").header("EventMask", "user,call").build())
                        .get("Events"));
                client.send(AmiAction.builder("UserEvent").header("UserEvent", "MyTestEvent").build());
                await().atMost(Duration.ofSeconds(2)).until(() -> listener.last != null);
                assertEquals("MyTestEvent", listener.last.get("UserEvent"));
            }
        }
    }

    private static final class SimulatorFreeListener implements AmiClientListener {
        volatile io.amira.api.AmiEvent last;

        @Override
        public void onEvent(io.amira.api.AmiEvent event) {
            last = event;
        }
    }
}
