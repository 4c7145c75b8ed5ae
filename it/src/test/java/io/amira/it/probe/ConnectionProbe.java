package io.amira.it.probe;

import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Borrows a connection from the adapter's pool, as an application would. */
@Path("/connection")
@RequestScoped
public class ConnectionProbe {

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory connectionFactory;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String borrow() throws Exception {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.getClass().getSimpleName();
        }
    }
}
