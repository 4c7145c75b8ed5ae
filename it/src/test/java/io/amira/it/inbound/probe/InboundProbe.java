package io.amira.it.inbound.probe;

import io.amira.it.inbound.mdb.EventRecorder;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: what the test MDBs received, one event per line, for ITs running outside the server. */
@Path("/events")
@RequestScoped
public class InboundProbe {

    @EJB(lookup = "java:global/amira/inbound-it-mdbs/EventRecorder")
    private EventRecorder recorder;

    @GET
    @Path("{recorder}")
    @Produces(MediaType.TEXT_PLAIN)
    public String lines(@PathParam("recorder") String name) {
        return String.join("\n", recorder.lines(name));
    }

    @DELETE
    public void clear() {
        recorder.clear();
    }
}
