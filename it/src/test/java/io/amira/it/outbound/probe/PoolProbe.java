package io.amira.it.outbound.probe;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Drives {@link PoolProbeBean} from outside the server; plain-text answers, an exception as HTTP 500. */
@Path("/pool")
@RequestScoped
public class PoolProbe {

    @EJB
    private PoolProbeBean bean;

    /** Blocks while the bean holds its handles and the test breaks their session; see {@link PoolProbeBean#holdAcrossLoss}. */
    @GET
    @Path("/hold")
    @Produces(MediaType.TEXT_PLAIN)
    public Response hold(@QueryParam("seconds") int seconds) {
        PoolProbeBean.expectHold();
        return PlainAnswer.of(() -> bean.holdAcrossLoss(Duration.ofSeconds(seconds)));
    }

    @GET
    @Path("/holding")
    @Produces(MediaType.TEXT_PLAIN)
    public Response holding() {
        return PlainAnswer.of(() -> Boolean.toString(PoolProbeBean.isHolding()));
    }

    @GET
    @Path("/alternate")
    @Produces(MediaType.TEXT_PLAIN)
    public Response alternate(@QueryParam("borrows") int borrows, @QueryParam("callers") int callers,
                              @QueryParam("user") String user, @QueryParam("secret") String secret) {
        return PlainAnswer.of(() -> bean.alternateUsers(borrows, callers, user, secret));
    }

    /** {@code channels}: comma separated. */
    @GET
    @Path("/originate")
    @Produces(MediaType.TEXT_PLAIN)
    public Response originate(@QueryParam("channels") String channels, @QueryParam("ringSeconds") int ringSeconds) {
        return PlainAnswer.of(() -> bean.originateAtOnce(Arrays.asList(channels.split(",")), Duration.ofSeconds(ringSeconds)));
    }

    @GET
    @Path("/cci/command")
    @Produces(MediaType.TEXT_PLAIN)
    public Response cciCommand(@QueryParam("cli") String cli) {
        return PlainAnswer.of(() -> bean.cciCommand(cli).stream().map(String::valueOf).collect(Collectors.joining("\n")));
    }

    @GET
    @Path("/cci/list")
    @Produces(MediaType.TEXT_PLAIN)
    public Response cciList(@QueryParam("action") String action) {
        return PlainAnswer.of(() -> bean.cciList(action));
    }
}
