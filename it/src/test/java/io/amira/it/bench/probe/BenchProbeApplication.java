package io.amira.it.bench.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bench probe's REST root: served under /inbound-bench-probe. */
@ApplicationPath("/")
public class BenchProbeApplication extends Application {
}
