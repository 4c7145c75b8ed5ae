package io.amira.it.storm.probe.board;

import io.amira.sample.CallBoard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: the Linkedids of the calls the sample's call board holds as in progress, one a line. */
@Path("/board")
@RequestScoped
public class BoardProbe {

    @EJB(lookup = "java:global/amira/ejb-sample/CallBoard")
    private CallBoard board;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String activeCalls() {
        StringBuilder text = new StringBuilder();
        board.activeCalls().forEach(call -> text.append(call.linkedId()).append('\n'));
        return text.toString();
    }
}
