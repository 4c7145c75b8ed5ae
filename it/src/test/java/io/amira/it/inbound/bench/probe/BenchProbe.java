package io.amira.it.inbound.bench.probe;

import io.amira.it.inbound.bench.mdb.BenchStats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Bench-only: the bench MDB's statistics for the driver outside the server. */
@Path("/stats")
@RequestScoped
public class BenchProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String summary() {
        return BenchStats.summary();
    }

    @POST
    @Path("reset")
    public void reset() {
        BenchStats.reset();
    }
}
