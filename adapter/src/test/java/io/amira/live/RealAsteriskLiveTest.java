package io.amira.live;

import io.amira.api.AmiAction;
import io.amira.api.AmiResponse;
import io.amira.api.LiveChannel;
import io.amira.api.LiveSnapshot;
import io.amira.client.AmiClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view against a real Asterisk named by {@code AMIRA_IT_HOST}, {@code AMIRA_IT_PORT},
 * {@code AMIRA_IT_USERNAME}, {@code AMIRA_IT_SECRET} (skipped without them), with the demo dialplan
 * (docs: shared/asterisk): a run of calls (30 s calls, callers into queue {@code support} answered
 * by its members or waiting, callers into {@code hold}), until a member answered, then some hung up,
 * a member paused and another paused and unpaused.
 * At a quiet moment the view equals {@code CoreShowChannels} + {@code BridgeList} +
 * {@code QueueStatus}, and the CLI's {@code core show channels concise} and {@code queue show}; then
 * every call is hung up and the view is empty again.
 */
@EnabledIfEnvironmentVariable(named = "AMIRA_IT_HOST", matches = ".+")
class RealAsteriskLiveTest {

    private static final Logger LOG = Logger.getLogger(RealAsteriskLiveTest.class.getName());
    private static final Pattern QUEUE_CALLS = Pattern.compile("^(\\S+) has (\\d+) calls");

    @Test
    void theViewMatchesAsteriskAfterARunOfCalls() throws Exception {
        String host = System.getenv("AMIRA_IT_HOST");
        int port = Integer.parseInt(System.getenv().getOrDefault("AMIRA_IT_PORT", "5038"));
        String user = System.getenv("AMIRA_IT_USERNAME");
        String secret = System.getenv("AMIRA_IT_SECRET");
        TestAdapter adapter = new TestAdapter(host, port, user, secret);
        try (SimulatorDriver asterisk = new SimulatorDriver(AmiClientConfig.builder().host(host).port(port)
                .username(user).secret(secret).build())) {
            LiveStateAdminObject live = adapter.liveView(200);
            assertTrue(live.awaitInSync(Duration.ofSeconds(10)), "in sync");
            for (int call = 0; call < 24; call++) {
                String exten = call % 3 == 0 ? "200" : call % 3 == 1 ? "300" : "310";
                asterisk.send(AmiAction.builder("Originate").header("Channel", "Local/" + exten + "@demo")
                        .header("Application", "Wait").header("Data", "40").header("Async", "true")
                        .header("CallerID", "\"Run " + call + "\" <" + (7000 + call) + ">").build());
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> live.snapshot().channels().size() >= 40);
            await("a queue member answered").atMost(Duration.ofSeconds(20)).until(() -> !live.snapshot().bridges().isEmpty());
            List<LiveChannel> channels = live.snapshot().channels();
            for (int i = 0; i < channels.size(); i += 7) {
                asterisk.send(AmiAction.builder("Hangup").header("Channel", channels.get(i).name()).build());
            }
            asterisk.send(AmiAction.builder("QueuePause").header("Interface", "Local/901@demo").header("Paused", "true").build());
            asterisk.send(AmiAction.builder("QueuePause").header("Interface", "Local/900@demo").header("Paused", "true")
                    .header("Queue", "support").build());
            asterisk.send(AmiAction.builder("QueuePause").header("Interface", "Local/900@demo").header("Paused", "false")
                    .header("Queue", "support").build());

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                String listed = asterisk.listedState();
                LiveSnapshot view = live.snapshot();
                assertEquals(listed, LiveStateConsistencyTest.viewState(view));
                assertEquals(cliChannels(asterisk), channelNames(view), "core show channels concise");
                assertEquals(cliQueues(asterisk), queueWaiting(view), "queue show");
            });
            LiveSnapshot matched = live.snapshot();
            LOG.info("the view equals Asterisk's lists and CLI: " + matched + "; waiting " + queueWaiting(matched)
                    + "; bridged channels " + matched.channels().stream().filter(LiveChannel::isBridged).count()
                    + "; members " + matched.queues().stream().flatMap(queue -> queue.members().stream())
                    .map(m -> m.queue() + " " + m.interfaceName() + " " + m.status() + (m.paused() ? " paused" : "")
                            + (m.inCall() ? " in call" : "")).toList());

            asterisk.send(AmiAction.builder("QueuePause").header("Interface", "Local/901@demo").header("Paused", "false").build());
            for (LiveChannel channel : live.snapshot().channels()) {
                asterisk.send(AmiAction.builder("Hangup").header("Channel", channel.name()).build());
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertEquals(asterisk.listedState(), LiveStateConsistencyTest.viewState(live.snapshot()));
                assertTrue(live.snapshot().channels().isEmpty(), "no channel left");
            });
        } finally {
            adapter.stop();
        }
    }

    private static Set<String> cliChannels(SimulatorDriver asterisk) throws Exception {
        Set<String> names = new TreeSet<>();
        for (String line : command(asterisk, "core show channels concise")) {
            if (line.contains("!")) {
                names.add(line.substring(0, line.indexOf('!')));
            }
        }
        return names;
    }

    private static Set<String> channelNames(LiveSnapshot view) {
        Set<String> names = new TreeSet<>();
        view.channels().forEach(channel -> names.add(channel.name()));
        return names;
    }

    private static Set<String> cliQueues(SimulatorDriver asterisk) throws Exception {
        Set<String> waiting = new TreeSet<>();
        for (String line : command(asterisk, "queue show")) {
            Matcher matcher = QUEUE_CALLS.matcher(line);
            if (matcher.find()) {
                waiting.add(matcher.group(1) + " " + matcher.group(2));
            }
        }
        return waiting;
    }

    private static Set<String> queueWaiting(LiveSnapshot view) {
        Set<String> waiting = new TreeSet<>();
        view.queues().forEach(queue -> waiting.add(queue.name() + " " + queue.waiting()));
        return waiting;
    }

    private static List<String> command(SimulatorDriver asterisk, String cli) throws Exception {
        AmiResponse answer = asterisk.query(AmiAction.builder("Command").header("Command", cli).build());
        return answer.outputLines();
    }
}
