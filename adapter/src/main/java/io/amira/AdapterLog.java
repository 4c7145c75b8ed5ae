package io.amira;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The resource adapter's own log messages (logger {@code io.amira}). */
final class AdapterLog {

    private static final Logger LOG = Logger.getLogger("io.amira");

    static final LogMessage STARTED = LogMessage.info(LOG, "AMIRA-001", "Amira resource adapter started: archive {0}, {1}");
    static final LogMessage STOPPED = LogMessage.info(LOG, "AMIRA-002", "Amira resource adapter stopped: archive {0}");
    static final LogMessage ENDPOINT_ACTIVATED = LogMessage.info(LOG, "AMIRA-003", "endpoint activated: {0}");
    static final LogMessage ENDPOINT_DEACTIVATED = LogMessage.info(LOG, "AMIRA-004", "endpoint deactivated: {0}");
    static final LogMessage SIGN_ON_WAITING = LogMessage.warning(LOG, "AMIRA-005",
            "activation {0} waits for the sign-on of {1}: {2}; trying again, every {3} s at most");
    static final LogMessage SIGN_ON_STILL_WAITING = LogMessage.fine(LOG, "AMIRA-006",
            "activation {0} still waits for the sign-on of {1}: {2}");
    static final LogMessage SIGNED_ON = LogMessage.info(LOG, "AMIRA-007",
            "activation {0} logs in as user '{1}' of the sign-on of {2}");
    static final LogMessage SIGN_ON_ACTIVATION_FAILED = LogMessage.severe(LOG, "AMIRA-008",
            "activation {0} cannot start with the sign-on of {1}: {2}");
    static final LogMessage STOP_ACTION_FAILED = LogMessage.warning(LOG, "AMIRA-009", "stopping {0} failed; stopping the rest");

    private AdapterLog() {
    }
}
