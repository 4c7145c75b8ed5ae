package io.amira.it.config.adminprobe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin probe's REST root. */
@ApplicationPath("/")
public class AdminProbeApplication extends Application {
}
