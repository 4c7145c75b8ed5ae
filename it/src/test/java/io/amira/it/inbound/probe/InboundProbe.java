package io.amira.it.inbound.probe;

import io.amira.it.inbound.mdb.EventRecorder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: what the test MDBs received, one event per line, for ITs running outside the server. */
@Path("/events")
@RequestScoped
public class InboundProbe {

    @GET
    @Path("{recorder}")
    @Produces(MediaType.TEXT_PLAIN)
    public String lines(@PathParam("recorder") String name) {
        return String.join("\n", EventRecorder.lines(name));
    }
}
