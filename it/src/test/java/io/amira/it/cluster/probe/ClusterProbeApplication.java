package io.amira.it.cluster.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The cluster probe's REST root: served under /cluster-probe. */
@ApplicationPath("/")
public class ClusterProbeApplication extends Application {
}
