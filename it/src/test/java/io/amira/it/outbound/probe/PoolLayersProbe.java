package io.amira.it.outbound.probe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
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

/**
 * The pool bench one layer at a time ({@link CallerBench}'s answer per layer): where a pooled
 * call's time goes. Layers: {@code ejb} (an EJB call doing nothing, no transaction), {@code ejb-tx}
 * (the same in a container-managed transaction), {@code borrow} (an EJB call borrowing and returning
 * a pooled connection), {@code ping} (and sending a Ping on it), {@code sample} (the sample's
 * CallControlBean.ping: all of them, in a transaction), {@code direct-borrow} and {@code direct-ping}
 * (the pool without an EJB, on the caller's thread), {@code one-connection} (every caller pinging on
 * one connection borrowed once: Amira's session inside WildFly, no pool, no EJB).
 */
@Path("/layers")
@RequestScoped
public class PoolLayersProbe {

    @EJB
    private PoolLayersBean layers;

    @EJB
    private CallControlBean callControl;

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory amira;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threadFactory;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response bench(@QueryParam("layer") String layer, @QueryParam("callers") int callers,
                          @QueryParam("seconds") int seconds, @QueryParam("warmup") int warmup) {
        return PlainAnswer.of(() -> {
            if ("one-connection".equals(layer)) {
                try (AmiConnection shared = amira.getConnection()) {
                    return CallerBench.run(threadFactory, callers, warmup, seconds, 1,
                            () -> shared.send(AmiActions.ping()).isSuccess());
                }
            }
            return CallerBench.run(threadFactory, callers, warmup, seconds, 1, call(layer));
        });
    }

    private CallerBench.Call call(String layer) {
        return switch (layer) {
            case "ejb" -> layers::nothing;
            case "ejb-tx" -> layers::nothingInTransaction;
            case "borrow" -> layers::borrow;
            case "ping" -> layers::ping;
            case "sample" -> callControl::ping;
            case "direct-borrow" -> () -> {
                try (AmiConnection connection = amira.getConnection()) {
                    return connection != null;
                }
            };
            case "direct-ping" -> () -> {
                try (AmiConnection connection = amira.getConnection()) {
                    return connection.send(AmiActions.ping()).isSuccess();
                }
            };
            default -> throw new IllegalArgumentException("unknown layer " + layer);
        };
    }
}
