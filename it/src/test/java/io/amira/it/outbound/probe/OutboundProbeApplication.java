package io.amira.it.outbound.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The outbound probe's REST root, in its own web module {@code outbound-probe.war}. */
@ApplicationPath("/")
public class OutboundProbeApplication extends Application {
}
