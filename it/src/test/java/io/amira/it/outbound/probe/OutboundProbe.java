package io.amira.it.outbound.probe;

import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiResponse;
import io.amira.sample.CallControlBean;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the sample's CallControlBean from outside the server: each endpoint is one EJB call
 * (or, for /load, many concurrent EJB callers on container-managed threads) and answers in plain
 * text, an exception as HTTP 500 with its message.
 */
@Path("/outbound")
@RequestScoped
public class OutboundProbe {

    @EJB
    private CallControlBean callControl;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threadFactory;

    @GET
    @Path("/originate")
    @Produces(MediaType.TEXT_PLAIN)
    public Response originate(@QueryParam("channel") String channel, @QueryParam("context") String context,
                              @QueryParam("exten") String exten) {
        return PlainAnswer.of(() -> {
            AmiOriginateResult result = callControl.originate(channel, context, exten, Duration.ofSeconds(20));
            return (result.isSuccess() ? "Success" : "Failure") + " reason=" + result.reason()
                    + " uniqueId=" + result.uniqueId();
        });
    }

    @GET
    @Path("/status")
    @Produces(MediaType.TEXT_PLAIN)
    public Response status() {
        return PlainAnswer.of(() -> {
            AmiResponse response = callControl.status();
            return response.name() + " items=" + response.events().size()
                    + " complete=" + (response.completion() == null ? "none" : response.completion().name());
        });
    }

    @GET
    @Path("/command")
    @Produces(MediaType.TEXT_PLAIN)
    public Response command(@QueryParam("cli") String cli) {
        return PlainAnswer.of(() -> String.join("\n", callControl.command(cli)));
    }

    @GET
    @Path("/ping")
    @Produces(MediaType.TEXT_PLAIN)
    public Response ping() {
        return PlainAnswer.of(() -> Boolean.toString(callControl.ping()));
    }

    /** {@code callers} concurrent EJB callers, each pinging {@code actions} times; answers "completed=N failed=M". */
    @GET
    @Path("/load")
    @Produces(MediaType.TEXT_PLAIN)
    public Response load(@QueryParam("callers") int callers, @QueryParam("actions") int actions) {
        return PlainAnswer.of(() -> {
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<String> firstError = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(callers);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Thread thread = threadFactory.newThread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < actions; i++) {
                            try {
                                if (callControl.ping()) {
                                    completed.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            go.countDown();
            if (!done.await(120, TimeUnit.SECONDS)) {
                threads.forEach(Thread::interrupt);
                return "timeout completed=" + completed.get() + " failed=" + failed.get();
            }
            return "completed=" + completed.get() + " failed=" + failed.get()
                    + (firstError.get() == null ? "" : " firstError=" + firstError.get());
        });
    }

    /**
     * The pool-throughput bench: {@code callers} EJB callers ping through the pool for
     * {@code warmup} then {@code seconds} seconds, one Ping per EJB call or ({@code pipelined} > 1)
     * that many pipelined on the borrowed connection; answers "calls=.. actions=.. seconds=.. rate=..
     * p50us=.. p99us=.. failed=.." (latencies per EJB call).
     */
    @GET
    @Path("/bench")
    @Produces(MediaType.TEXT_PLAIN)
    public Response bench(@QueryParam("callers") int callers, @QueryParam("seconds") int seconds,
                          @QueryParam("warmup") int warmup, @QueryParam("pipelined") int pipelined) {
        return PlainAnswer.of(() -> CallerBench.run(threadFactory, callers, warmup, seconds, Math.max(1, pipelined),
                () -> pipelined > 1 ? callControl.pingPipelined(pipelined) == pipelined : callControl.ping()));
    }
}
