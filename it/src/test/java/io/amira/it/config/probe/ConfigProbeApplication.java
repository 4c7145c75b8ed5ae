package io.amira.it.config.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The config probe's REST root. */
@ApplicationPath("/")
public class ConfigProbeApplication extends Application {
}
