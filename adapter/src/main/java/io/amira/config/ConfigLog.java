package io.amira.config;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The configuration's log messages (logger {@code io.amira.config}). */
final class ConfigLog {

    private static final Logger LOG = Logger.getLogger("io.amira.config");

    static final LogMessage NO_MICROPROFILE_CONFIG = LogMessage.fine(LOG, "AMIRA-CFG-001",
            "no MicroProfile Config here ({0}); using system properties and environment");

    private ConfigLog() {
    }
}
