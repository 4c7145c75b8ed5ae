package io.amira.it.config.pbx.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The multi-PBX probe's REST root: served under /pbx-probe. */
@ApplicationPath("/")
public class PbxProbeApplication extends Application {
}
