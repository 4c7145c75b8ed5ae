package io.amira.it.outbound.probe;

import io.amira.api.AmiAction;
import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiInteractionSpec;
import io.amira.api.AmiOriginateResult;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.resource.cci.Connection;
import jakarta.resource.cci.IndexedRecord;
import jakarta.resource.cci.MappedRecord;
import jakarta.resource.cci.Record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An EJB using the deployed pool ({@code java:/eis/amira}) the ways the outbound tests need: held
 * handles across a lost session, alternating users, Originates at once, CCI interactions.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolProbeBean {

    /** Counted down once {@link #holdAcrossLoss} holds its handles; reset by {@link #expectHold()}. */
    private static volatile CountDownLatch holding = new CountDownLatch(1);

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory amira;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    static void expectHold() {
        holding = new CountDownLatch(1);
    }

    static boolean isHolding() {
        return holding.getCount() == 0;
    }

    /**
     * Borrows a typed and a CCI connection, uses both, says it holds them, then pings through the
     * typed one every 100 ms until it fails (the session was lost meanwhile); then one more call
     * through each. One line per failed call: the exception's class and message.
     */
    public String holdAcrossLoss(Duration patience) throws Exception {
        List<String> outcomes = new ArrayList<>();
        Connection cci = amira.cci().getConnection();
        try (AmiConnection typed = amira.getConnection()) {
            typed.send(AmiActions.ping());
            cci.createInteraction().execute(new AmiInteractionSpec("Ping"), null);
            holding.countDown();
            long deadline = System.nanoTime() + patience.toNanos();
            String first = failureOf(() -> typed.send(AmiActions.ping()));
            while (first == null && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                first = failureOf(() -> typed.send(AmiActions.ping()));
            }
            outcomes.add("typed " + (first == null ? "still working after " + patience : first));
            outcomes.add("typed " + failureOf(() -> typed.send(AmiActions.ping())));
            outcomes.add("cci " + failureOf(() -> cci.createInteraction().execute(new AmiInteractionSpec("Ping"), null)));
        } finally {
            cci.close();
        }
        return String.join("\n", outcomes);
    }

    /**
     * {@code borrows} borrows by {@code callers} concurrent callers, alternating between the
     * definition's own user and {@code username}; each borrow sends a Ping.
     */
    public String alternateUsers(int borrows, int callers, String username, String secret) throws Exception {
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            all.add(CompletableFuture.runAsync(() -> {
                for (int i = caller; i < borrows; i += callers) {
                    try (AmiConnection connection = i % 2 == 0 ? amira.getConnection()
                            : amira.getConnection(username, secret)) {
                        connection.send(AmiActions.ping());
                        completed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, executor));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return "completed=" + completed.get() + " failed=" + failed.get()
                + (firstError.get() == null ? "" : " firstError=" + firstError.get());
    }

    /**
     * An Originate to each channel at once, each on a connection of its own from the pool, all
     * waiting for their outcomes together. One line per channel: channel, outcome, reason, the
     * channel the OriginateResponse names.
     */
    public String originateAtOnce(List<String> channels, Duration ringFor) throws Exception {
        Map<String, CompletableFuture<AmiOriginateResult>> results = new LinkedHashMap<>();
        for (String channel : channels) {
            try (AmiConnection connection = amira.getConnection()) {
                AmiAction originate = AmiActions.originate(channel).toApplication("Wait", "2").timeout(ringFor).build();
                results.put(channel, connection.originateAsync(originate, ringFor.plusSeconds(10)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<AmiOriginateResult>> result : results.entrySet()) {
            AmiOriginateResult outcome = result.getValue().get(ringFor.toSeconds() + 20, TimeUnit.SECONDS);
            lines.add(result.getKey() + " " + (outcome.isSuccess() ? "Success" : "Failure") + " " + outcome.reason()
                    + " " + outcome.channel());
        }
        return String.join("\n", lines);
    }

    /** CCI: {@code Command} with {@code cli}; its output lines. */
    public List<?> cciCommand(String cli) throws Exception {
        Connection connection = amira.cci().getConnection();
        try {
            MappedRecord<String, Object> input = amira.cci().getRecordFactory().createMappedRecord("Command");
            input.put("Command", cli);
            MappedRecord<?, ?> output = (MappedRecord<?, ?>) connection.createInteraction()
                    .execute(new AmiInteractionSpec("Command", Duration.ofSeconds(10)), input);
            return (List<?>) output.get("amira:output");
        } finally {
            connection.close();
        }
    }

    /**
     * CCI: the list action {@code action}, into an output record of the caller's
     * ({@code execute(spec, input, output)}); "Response items=N completion=Name first=Name".
     */
    public String cciList(String action) throws Exception {
        Connection connection = amira.cci().getConnection();
        try {
            MappedRecord<String, Object> output = amira.cci().getRecordFactory().createMappedRecord(action);
            connection.createInteraction().execute(new AmiInteractionSpec(action, Duration.ofSeconds(10)), null, output);
            IndexedRecord<?> items = (IndexedRecord<?>) output.get("amira:events");
            Record completion = (Record) output.get("amira:completion");
            return output.get("Response") + " items=" + items.size() + " completion=" + completion.getRecordName()
                    + " first=" + (items.isEmpty() ? "none" : ((Record) items.get(0)).getRecordName());
        } finally {
            connection.close();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** "Class: message" of what the call threw, or null when it worked. */
    private static String failureOf(Call call) {
        try {
            call.run();
            return null;
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
