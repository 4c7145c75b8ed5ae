package io.amira;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The resource adapter's own log messages (logger {@code io.amira}). */
final class AdapterLog {

    private static final Logger LOG = Logger.getLogger("io.amira");

    static final LogMessage STARTED = LogMessage.info(LOG, "AMIRA-001", "Amira resource adapter started");
    static final LogMessage STOPPED = LogMessage.info(LOG, "AMIRA-002", "Amira resource adapter stopped");
    static final LogMessage ENDPOINT_ACTIVATED = LogMessage.info(LOG, "AMIRA-003", "endpoint activated: {0}");
    static final LogMessage ENDPOINT_DEACTIVATED = LogMessage.info(LOG, "AMIRA-004", "endpoint deactivated: {0}");
    static final LogMessage STOP_ACTION_FAILED = LogMessage.warning(LOG, "AMIRA-005", "stopping {0} failed; stopping the rest");

    private AdapterLog() {
    }
}
