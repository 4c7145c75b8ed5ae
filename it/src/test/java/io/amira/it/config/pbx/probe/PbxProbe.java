package io.amira.it.config.pbx.probe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.it.config.pbx.mdb.PbxEvents;
import io.amira.it.probes.FailureAnswer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.naming.InitialContext;
import java.util.Map;

/**
 * Test-only: a UserEvent sent through the pool of a given JNDI name, the server that pool names,
 * and what each MDB activation received. A failed UserEvent answers HTTP 500 with the exception
 * chain's messages.
 */
@Path("/pbx")
@RequestScoped
public class PbxProbe {

    @GET
    @Path("/server")
    @Produces(MediaType.TEXT_PLAIN)
    public String server(@QueryParam("jndi") String jndi) throws Exception {
        return factory(jndi).server();
    }

    /** Sends {@code UserEvent: MultiPbx} with {@code Token: <token>} through the pool; answers the response's name. */
    @GET
    @Path("/user-event")
    @Produces(MediaType.TEXT_PLAIN)
    public Response userEvent(@QueryParam("jndi") String jndi, @QueryParam("token") String token) {
        try (AmiConnection connection = factory(jndi).getConnection()) {
            return Response.ok(connection.send(AmiActions.userEvent("MultiPbx", Map.of("Token", token))).name()).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        }
    }

    @GET
    @Path("/events/{activation}")
    @Produces(MediaType.TEXT_PLAIN)
    public String events(@PathParam("activation") String activation) {
        return String.join("\n", PbxEvents.lines(activation));
    }

    private static AmiConnectionFactory factory(String jndi) throws Exception {
        return (AmiConnectionFactory) new InitialContext().lookup(jndi);
    }
}
