package io.amira.it.bench.probe;

import io.amira.it.bench.mdb.DeliveryStatsBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only: resets and reads the bench MDB's counters for the driver outside the server. */
@Path("/stats")
@RequestScoped
public class BenchProbe {

    @EJB(lookup = "java:global/amira/inbound-bench-mdbs/DeliveryStatsBean")
    private DeliveryStatsBean stats;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String snapshot() {
        return stats.snapshot();
    }

    @POST
    @Path("reset")
    public void reset(@QueryParam("seqPeriod") @DefaultValue("0") int seqPeriod) {
        stats.reset(seqPeriod);
    }
}
