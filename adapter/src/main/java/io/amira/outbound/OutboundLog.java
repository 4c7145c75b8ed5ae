package io.amira.outbound;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The outbound side's log messages (logger {@code io.amira.outbound}). */
final class OutboundLog {

    private static final Logger LOG = Logger.getLogger("io.amira.outbound");

    static final LogMessage SESSION_OPENED = LogMessage.fine(LOG, "AMIRA-OUT-001",
            "pooled AMI session opened to {0} as {1}");
    static final LogMessage SESSION_CLOSED = LogMessage.fine(LOG, "AMIRA-OUT-002",
            "pooled AMI session to {0} as {1} closed");
    static final LogMessage NO_EVENT_FILTER = LogMessage.warning(LOG, "AMIRA-OUT-003",
            "AMI user {0} on {1} may not set an event filter ({2}); its pooled sessions take no events, so async "
            + "Originate cannot report outcomes (grant write=system or use a synchronous Originate)");
    static final LogMessage SESSION_LOST = LogMessage.warning(LOG, "AMIRA-OUT-004",
            "pooled AMI session to {0} as {1} lost ({2}); the pool evicts it");
    static final LogMessage CORE_SETTINGS_UNAVAILABLE = LogMessage.fine(LOG, "AMIRA-OUT-007",
            "CoreSettings not available to {0}: {1}");
    static final LogMessage EVENTS_OFF_FAILED = LogMessage.warning(LOG, "AMIRA-OUT-008",
            "could not turn events off for AMI user {0} on {1}: {2}");
    static final LogMessage CHECK_UNSETTLED = LogMessage.warning(LOG, "AMIRA-OUT-009",
            "pooled AMI session to {0} as {1}: its check had no outcome after {2} ms (is its reading task running?); "
            + "counted invalid");

    private OutboundLog() {
    }
}
