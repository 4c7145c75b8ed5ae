package io.amira.it.storm.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The storm probe's REST root: served under /storm-probe. */
@ApplicationPath("/")
public class StormProbeApplication extends Application {
}
