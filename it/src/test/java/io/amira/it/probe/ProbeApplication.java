package io.amira.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test probe's REST root: every {@code @Path} class of this package is served under /probe. */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
