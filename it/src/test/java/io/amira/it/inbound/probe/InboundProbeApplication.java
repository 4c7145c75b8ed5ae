package io.amira.it.inbound.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The inbound probe's REST root: served under /inbound-probe. */
@ApplicationPath("/")
public class InboundProbeApplication extends Application {
}
