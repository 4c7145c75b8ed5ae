package io.amira.it.live.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The live-state probe's REST root, in its own web module {@code live-probe.war}. */
@ApplicationPath("/")
public class LiveProbeApplication extends Application {
}
