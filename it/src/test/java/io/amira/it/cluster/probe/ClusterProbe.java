package io.amira.it.cluster.probe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import io.amira.api.AmiOriginateResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Test-only: places calls through this node's outbound pool ({@code java:/eis/amira}), as an
 * application would, for the cluster IT running outside the server.
 */
@Path("/calls")
@RequestScoped
public class ClusterProbe {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory connections;

    /**
     * Originates {@code count} calls to {@code channel}, each answered one running {@code Wait(2)},
     * at most {@code concurrency} waiting for their OriginateResponse at a time, and {@code pauseMillis}
     * between one Originate and the next (0: as fast as the pool takes them). Answers one line per
     * call in the order placed: {@code ok <Uniqueid>} or {@code failed <reason>}.
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String originate(@QueryParam("channel") String channel, @QueryParam("count") int count,
                            @QueryParam("concurrency") int concurrency, @QueryParam("pauseMillis") long pauseMillis)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<String>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0 && pauseMillis > 0) {
                Thread.sleep(pauseMillis); // pacing the calls, so they span a while
            }
            inFlight.acquire();
            CompletableFuture<String> call;
            try (AmiConnection connection = connections.getConnection()) {
                call = connection.originateAsync(AmiActions.originate(channel).toApplication("Wait", "2")
                                .timeout(CALL_TIMEOUT).build(), CALL_TIMEOUT)
                        .handle((result, failure) -> outcome(result, failure));
            } catch (AmiException e) {
                call = CompletableFuture.completedFuture("failed " + e);
            }
            calls.add(call.whenComplete((line, ignored) -> inFlight.release()));
        }
        StringBuilder answer = new StringBuilder();
        for (CompletableFuture<String> call : calls) {
            answer.append(call.join()).append('\n');
        }
        return answer.toString();
    }

    private static String outcome(AmiOriginateResult result, Throwable failure) {
        if (failure != null) {
            return "failed " + failure;
        }
        return result.isSuccess() ? "ok " + result.uniqueId() : "failed " + result;
    }
}
