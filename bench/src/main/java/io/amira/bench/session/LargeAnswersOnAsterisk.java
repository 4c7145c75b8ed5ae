package io.amira.bench.session;

import io.amira.api.AmiAction;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 12's answer-size check against a real Asterisk: adds a context of
 * {@code bench.extensions} (default 50,000) extensions at runtime through AMI
 * ({@code Command: dialplan add extension ...}), reads it back with {@code dialplan show} (one
 * {@code Output:} header per line) and the list action {@code ShowDialPlan} (one event per
 * extension), then again on a session whose {@code maxAnswerBytes} is 1 MiB, where both must fail
 * alone while the session goes on; finally removes the context ({@code dialplan remove context}).
 * The server comes from {@code AMIRA_IT_HOST}, {@code AMIRA_IT_PORT}, {@code AMIRA_IT_USERNAME},
 * {@code AMIRA_IT_SECRET} (the AMI user needs the command and config write classes).
 *
 * <pre>AMIRA_IT_USERNAME=admin AMIRA_IT_SECRET=... java -cp bench/target/benchmarks.jar io.amira.bench.session.LargeAnswersOnAsterisk</pre>
 */
public final class LargeAnswersOnAsterisk {

    private static final String CONTEXT = "amira-large-answers";
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final long SMALL_LIMIT = 1024 * 1024;

    private LargeAnswersOnAsterisk() {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int extensions = Integer.getInteger("bench.extensions", 50_000);
        AmiClientConfig config = AmiClientConfig.builder()
                .host(env("AMIRA_IT_HOST", "127.0.0.1")).port(Integer.parseInt(env("AMIRA_IT_PORT", "5038")))
                .username(env("AMIRA_IT_USERNAME", null)).secret(env("AMIRA_IT_SECRET", null)).build();
        try (AmiClient client = AmiClient.connect(config, null)) {
            System.out.println("Connected to " + client.server() + " (" + client.banner() + ")");
            try {
                addContext(client, extensions);
                readBack(client, extensions);
                try (AmiClient small = AmiClient.connect(config.toBuilder().maxAnswerBytes(SMALL_LIMIT).build(), null)) {
                    overTheLimit(small);
                }
            } finally {
                AmiResponse removed = client.send(command("dialplan remove context " + CONTEXT));
                System.out.println("Removed the context: " + removed.outputLines());
            }
        }
    }

    private static void addContext(AmiClient client, int extensions) throws AmiException {
        long start = System.nanoTime();
        int batch = 500;
        for (int from = 0; from < extensions; from += batch) {
            List<AmiAction> adds = new ArrayList<>();
            for (int i = from; i < Math.min(extensions, from + batch); i++) {
                adds.add(command("dialplan add extension " + (100_000 + i) + ",1,NoOp(amira-large-answers-" + i
                        + ") into " + CONTEXT));
            }
            for (CompletableFuture<AmiResponse> added : client.sendAllAsync(adds, LONG)) {
                AmiResponse response = added.join();
                if (!response.isSuccess()) {
                    throw new IllegalStateException("dialplan add failed: " + response);
                }
            }
        }
        System.out.printf("Added %,d extensions to context %s in %.1f s%n", extensions, CONTEXT, seconds(start));
    }

    private static void readBack(AmiClient client, int extensions) throws AmiException {
        long start = System.nanoTime();
        List<String> lines = client.send(command("dialplan show " + CONTEXT), LONG).outputLines();
        long chars = lines.stream().mapToLong(String::length).sum();
        System.out.printf("dialplan show %s: %,d Output lines (%,d characters) in %.2f s; first %s, last %s%n",
                CONTEXT, lines.size(), chars, seconds(start), lines.get(0), lines.get(lines.size() - 1));
        check(lines.size() > extensions, "one line per extension at least");

        start = System.nanoTime();
        AmiResponse list = client.send(AmiAction.builder("ShowDialPlan").header("Context", CONTEXT).build(), LONG);
        System.out.printf("ShowDialPlan %s: %,d list items in %.2f s, completion %s ListItems %s%n", CONTEXT,
                list.events().size(), seconds(start), list.completion().name(), list.completion().get("ListItems"));
        check(list.events().size() == extensions, "one ListDialplan item per extension");
        ping(client);
    }

    private static void overTheLimit(AmiClient small) throws AmiException {
        for (AmiAction action : List.of(command("dialplan show " + CONTEXT),
                AmiAction.builder("ShowDialPlan").header("Context", CONTEXT).build())) {
            long start = System.nanoTime();
            try {
                small.send(action, LONG);
                throw new IllegalStateException(action.name() + " passed a limit of " + SMALL_LIMIT + " bytes");
            } catch (AmiException expected) {
                System.out.printf("maxAnswerBytes %,d, %s failed alone after %.2f s: %s%n", SMALL_LIMIT, action.name(),
                        seconds(start), expected.getMessage());
            }
            ping(small);
        }
    }

    private static void ping(AmiClient client) throws AmiException {
        AmiResponse pong = client.send(AmiAction.of("Ping"));
        check(client.isConnected() && "Pong".equals(pong.get("Ping")), "the session goes on");
        System.out.println("  then Ping: " + pong.get("Ping") + ", session connected: " + client.isConnected());
    }

    private static AmiAction command(String command) {
        return AmiAction.builder("Command").header("Command", command).build();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("not so: " + what);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new IllegalStateException("Set " + name);
            }
            return fallback;
        }
        return value;
    }
}
