package io.amira.it.config.adminprobe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.health.ConnectionCheck;
import io.amira.it.probes.FailureAnswer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.naming.InitialContext;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application of the administrator's server using the deployed amira.rar: a Ping through any
 * connection factory by JNDI name, the readiness of one, and the events its MDB received.
 */
@Path("/admin")
@RequestScoped
public class AdminProbe {

    @GET
    @Path("/ping")
    @Produces(MediaType.TEXT_PLAIN)
    public Response ping(@QueryParam("jndi") String jndi) {
        try (AmiConnection connection = ((AmiConnectionFactory) new InitialContext().lookup(jndi)).getConnection()) {
            return Response.ok(connection.send(AmiActions.ping()).name()).build();
        } catch (Exception e) {
            return FailureAnswer.of(e);
        }
    }

    /** {@code status=DOWN}, then the response's data, one {@code key=value} per line, sorted. */
    @GET
    @Path("/readiness")
    @Produces(MediaType.TEXT_PLAIN)
    public String readiness(@QueryParam("jndi") String jndi) {
        HealthCheckResponse response = ConnectionCheck.check(jndi, Duration.ofSeconds(2));
        StringBuilder text = new StringBuilder("status=").append(response.getStatus()).append('\n');
        Map<String, Object> data = new TreeMap<>(response.getData().orElse(Map.of()));
        data.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    @GET
    @Path("/events")
    @Produces(MediaType.TEXT_PLAIN)
    public String events() {
        return String.join("\n", ReceivedEvents.lines());
    }
}
