package io.amira.it.config.probe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.it.probes.FailureAnswer;
import io.amira.sample.CallControlBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uses any Amira connection factory by JNDI name, as an application would: which server it goes
 * to, a Ping, and holding connections borrowed (so the tests can watch the pool's in-use count).
 * Failures answer HTTP 500 with the exception chain's messages.
 */
@Path("/config")
@RequestScoped
public class ConfigProbe {

    private static final AtomicReference<CountDownLatch> RELEASE = new AtomicReference<>(new CountDownLatch(1));

    @EJB
    private CallControlBean sample;

    @GET
    @Path("/server")
    @Produces(MediaType.TEXT_PLAIN)
    public Response server(@QueryParam("jndi") String jndi) {
        try {
            return Response.ok(factory(jndi).server()).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        }
    }

    @GET
    @Path("/ping")
    @Produces(MediaType.TEXT_PLAIN)
    public Response ping(@QueryParam("jndi") String jndi) {
        try (AmiConnection connection = factory(jndi).getConnection()) {
            return Response.ok(connection.send(AmiActions.ping()).name()).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        }
    }

    /** A Ping through the sample application's CallControlBean (whichever pool it was given). */
    @GET
    @Path("/sample-ping")
    @Produces(MediaType.TEXT_PLAIN)
    public Response samplePing() {
        try {
            return Response.ok(Boolean.toString(sample.ping())).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        }
    }

    /** Borrows {@code n} connections and keeps them until /release; answers how many it held. */
    @GET
    @Path("/hold")
    @Produces(MediaType.TEXT_PLAIN)
    public Response hold(@QueryParam("jndi") String jndi, @QueryParam("n") int n) {
        CountDownLatch release = RELEASE.get();
        List<AmiConnection> held = new ArrayList<>();
        try {
            AmiConnectionFactory factory = factory(jndi);
            for (int i = 0; i < n; i++) {
                held.add(factory.getConnection());
            }
            if (!release.await(60, TimeUnit.SECONDS)) {
                return Response.serverError().entity("not released within 60 s").build();
            }
            return Response.ok("held " + held.size()).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        } finally {
            for (AmiConnection connection : held) {
                try {
                    connection.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not give a connection back", e);
                }
            }
        }
    }

    @GET
    @Path("/release")
    @Produces(MediaType.TEXT_PLAIN)
    public String release() {
        RELEASE.getAndSet(new CountDownLatch(1)).countDown();
        return "released";
    }

    private static AmiConnectionFactory factory(String jndi) throws Exception {
        return (AmiConnectionFactory) new InitialContext().lookup(jndi);
    }
}
