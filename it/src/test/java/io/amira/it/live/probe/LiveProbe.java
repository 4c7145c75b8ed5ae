package io.amira.it.live.probe;

import io.amira.api.AmiLiveState;
import io.amira.api.AmiOriginateResult;
import io.amira.api.LiveCall;
import io.amira.api.LiveChannel;
import io.amira.api.LiveSnapshot;
import io.amira.sample.CallBoard;
import io.amira.sample.CallControlBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * Asks the live view as an application does: through the sample's {@link CallBoard} EJB, and
 * directly by its JNDI name ({@link CallBoard#lookUp()}); places and ends calls through the sample's {@link CallControlBean}.
 */
@Path("/live")
@RequestScoped
public class LiveProbe {

    @EJB
    private CallBoard board;

    @EJB
    private CallControlBean calls;

    /**
     * Waits up to 60 s for the view to be in sync: {@code <server> inSync=<flag> sameObject=<flag>}, the
     * last whether a second JNDI lookup gives the very same object (one view per definition).
     */
    @GET
    @Path("/await")
    @Produces(MediaType.TEXT_PLAIN)
    public String awaitInSync() throws InterruptedException {
        AmiLiveState live = CallBoard.lookUp();
        return live.server() + " inSync=" + board.awaitInSync(Duration.ofSeconds(60)) + " sameObject=" + (CallBoard.lookUp() == live);
    }

    /** Looks the view up {@code count} times and asks each object whether it is in sync; answers "in sync N of M". */
    @GET
    @Path("/lookups")
    @Produces(MediaType.TEXT_PLAIN)
    public String lookups(@QueryParam("count") int count) {
        int inSync = 0;
        for (int i = 0; i < count; i++) {
            inSync += CallBoard.lookUp().isInSync() ? 1 : 0;
        }
        return "in sync " + inSync + " of " + count;
    }

    /** Calls {@code channel} and runs {@code Wait(60)} on it once answered; the outcome. */
    @GET
    @Path("/originate")
    @Produces(MediaType.TEXT_PLAIN)
    public String originate(@QueryParam("channel") String channel) throws Exception {
        AmiOriginateResult result = calls.originateToApplication(channel, "Wait", "60", Duration.ofSeconds(30));
        return result.toString();
    }

    @GET
    @Path("/hangup")
    @Produces(MediaType.TEXT_PLAIN)
    public String hangup(@QueryParam("channel") String channel) throws Exception {
        return calls.hangup(channel).name();
    }

    /**
     * The board: {@code inSync=<flag>} then one line per channel of each call in progress
     * ({@code call <linkedid> answered=<flag> channel <name> <state> bridge <id>}), then one line
     * per queue ({@code queue <name> members=<n> waiting=<n>}).
     */
    @GET
    @Path("/board")
    @Produces(MediaType.TEXT_PLAIN)
    public String board() {
        LiveSnapshot snapshot = board.snapshot();
        StringBuilder text = new StringBuilder("inSync=").append(snapshot.inSync()).append('\n');
        for (LiveCall call : board.activeCalls()) {
            for (LiveChannel channel : call.channels()) {
                text.append("call ").append(call.linkedId()).append(" answered=").append(call.isAnswered())
                        .append(" channel ").append(channel.name()).append(' ').append(channel.state())
                        .append(" bridge ").append(channel.bridgeId()).append('\n');
            }
        }
        snapshot.queues().forEach(queue -> text.append("queue ").append(queue.name()).append(" members=")
                .append(queue.members().size()).append(" waiting=").append(board.waiting(queue.name())).append('\n'));
        return text.toString();
    }
}
