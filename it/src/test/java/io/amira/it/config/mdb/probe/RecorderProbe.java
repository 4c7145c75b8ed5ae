package io.amira.it.config.mdb.probe;

import io.amira.it.config.mdb.Recorder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: the event names the config tests' MDB received, comma separated. */
@Path("/recorded")
@RequestScoped
public class RecorderProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String names() {
        return String.join(",", Recorder.names());
    }
}
