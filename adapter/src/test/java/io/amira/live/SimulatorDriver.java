package io.amira.live;

import io.amira.api.AmiAction;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.simulator.AmiSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/**
 * Drives traffic and reads Asterisk's lists on a session of its own (events off), logging in again
 * whenever the simulator dropped it. Not thread-safe: one test thread uses it.
 */
final class SimulatorDriver implements AutoCloseable {

    private final AmiClientConfig config;
    private AmiClient client;

    SimulatorDriver(AmiSimulator sim) {
        this(AmiClientConfig.builder().host(sim.host()).port(sim.port()).username("admin").secret("amp111").build());
    }

    SimulatorDriver(AmiClientConfig config) {
        this.config = config;
    }

    /** Sends without waiting for the answer (an action on a channel gone meanwhile fails, as it may). */
    CompletableFuture<AmiResponse> send(AmiAction action) throws AmiException {
        return session().sendAsync(action);
    }

    /** Waits until every action sent has its answer. */
    void awaitAnswers() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> client == null || client.pendingActions() == 0);
    }

    AmiResponse query(AmiAction action) throws AmiException {
        try {
            return session().send(action, Duration.ofSeconds(30));
        } catch (io.amira.api.AmiConnectionLostException e) {
            return session().send(action, Duration.ofSeconds(30));
        }
    }

    /** CoreShowChannels, BridgeList and QueueStatus as sorted lines, comparable with {@link LiveStateConsistencyTest#viewState}. */
    String listedState() throws AmiException {
        List<String> lines = new ArrayList<>();
        for (AmiEvent c : query(AmiAction.of("CoreShowChannels")).events()) {
            lines.add(channelLine(c.get("Uniqueid"), c.get("Channel"), Integer.parseInt(c.get("ChannelState")),
                    c.get("CallerIDNum"), c.get("CallerIDName"), c.get("ConnectedLineNum"), c.get("ConnectedLineName"),
                    c.get("Linkedid"), c.get("BridgeId")));
        }
        for (AmiEvent b : query(AmiAction.of("BridgeList")).events()) {
            lines.add(bridgeLine(b.get("BridgeUniqueid"), Integer.parseInt(b.get("BridgeNumChannels"))));
        }
        for (AmiEvent q : query(AmiAction.of("QueueStatus")).events()) {
            if (q.name().equals("QueueMember")) {
                lines.add(memberLine(q.get("Queue"), q.get("Location"), Integer.parseInt(q.get("Status")),
                        "1".equals(q.get("Paused")), "1".equals(q.get("InCall"))));
            } else if (q.name().equals("QueueEntry")) {
                lines.add(callerLine(q.get("Queue"), Integer.parseInt(q.get("Position")), q.get("Channel")));
            }
        }
        return sorted(lines);
    }

    static String channelLine(String uniqueId, String name, int state, String callerIdNum, String callerIdName,
                              String connectedNum, String connectedName, String linkedId, String bridgeId) {
        return "channel " + uniqueId + " " + name + " state " + state + " cid " + callerIdNum + "/" + callerIdName
                + " connected " + connectedNum + "/" + connectedName + " call " + linkedId + " bridge " + bridgeId;
    }

    static String bridgeLine(String id, int channels) {
        return "bridge " + id + " channels " + channels;
    }

    static String memberLine(String queue, String location, int status, boolean paused, boolean inCall) {
        return "member " + queue + " " + location + " status " + status + " paused " + paused + " inCall " + inCall;
    }

    static String callerLine(String queue, int position, String channel) {
        return "caller " + queue + " " + position + " " + channel;
    }

    static String sorted(List<String> lines) {
        return String.join("\n", lines.stream().sorted().toList());
    }

    private AmiClient session() throws AmiException {
        if (client == null || !client.isConnected()) {
            if (client != null) {
                client.close();
            }
            client = AmiClient.connect(config, null);
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
