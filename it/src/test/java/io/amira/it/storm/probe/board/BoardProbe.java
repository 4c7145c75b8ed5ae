package io.amira.it.storm.probe.board;

import io.amira.sample.CallBoard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * Test-only: the Linkedids of the calls the sample's call board (the adapter's live view) holds as in
 * progress, one a line; and the board started and in sync before a storm.
 */
@Path("/board")
@RequestScoped
public class BoardProbe {

    @EJB(lookup = "java:global/amira/ejb-sample/CallBoard")
    private CallBoard board;

    /** Starts the board's live view and waits up to 60 s until it is in sync; {@code true} when it is. */
    @GET
    @Path("/sync")
    @Produces(MediaType.TEXT_PLAIN)
    public String awaitInSync() throws InterruptedException {
        return Boolean.toString(board.awaitInSync(Duration.ofSeconds(60)));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String activeCalls() {
        StringBuilder text = new StringBuilder();
        board.activeCalls().forEach(call -> text.append(call.linkedId()).append('\n'));
        return text.toString();
    }
}
