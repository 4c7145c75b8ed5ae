package io.amira.it.config.mdb.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class RecorderProbeApplication extends Application {
}
