package io.amira.it.storm.probe;

import io.amira.it.storm.recorder.DeliveryRecorder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: what the storm's MDB received (see {@link io.amira.it.storm.recorder.CallLedger}). */
@Path("/ledger")
@RequestScoped
public class StormProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ledger() {
        return DeliveryRecorder.LEDGER.render();
    }
}
