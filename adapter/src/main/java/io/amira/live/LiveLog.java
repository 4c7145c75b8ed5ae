package io.amira.live;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The live view's log messages (logger {@code io.amira.live}); {0} is the Asterisk ({@code host:port}). */
final class LiveLog {

    private static final Logger LOG = Logger.getLogger("io.amira.live");

    static final LogMessage STARTING = LogMessage.info(LOG, "AMIRA-LIVE-001",
            "live view of {0}: starting (AMI user {1}, event mask {2})");
    static final LogMessage STOPPED = LogMessage.info(LOG, "AMIRA-LIVE-002",
            "live view of {0}: stopped");
    static final LogMessage SYNCED = LogMessage.info(LOG, "AMIRA-LIVE-003",
            "live view of {0}: in sync after {1} ms ({2} channels, {3} bridges, {4} queues listed; {5} events"
            + " applied after the lists)");
    static final LogMessage LOST = LogMessage.warning(LOG, "AMIRA-LIVE-004",
            "live view of {0}: NOT in sync any more ({1})");
    static final LogMessage CONNECT_FAILED = LogMessage.warning(LOG, "AMIRA-LIVE-005",
            "live view of {0}: cannot connect (attempt {1}): {2}; retrying with backoff");
    static final LogMessage CONNECT_RETRY_FAILED = LogMessage.fine(LOG, "AMIRA-LIVE-006",
            "live view of {0}: cannot connect (attempt {1}): {2}; retrying with backoff");
    static final LogMessage LIST_FAILED = LogMessage.warning(LOG, "AMIRA-LIVE-007",
            "live view of {0}: cannot resynchronise: {1}; reconnecting (the AMI user needs read call,agent and"
            + " write system or reporting)");
    static final LogMessage NO_SERVER_FILTER = LogMessage.info(LOG, "AMIRA-LIVE-008",
            "live view of {0}: Asterisk did not take the event filter ({1}); the view reads every call and agent"
            + " event. Give the AMI user the system write class to filter on the server.");
    static final LogMessage RESYNC_BUFFER_FULL = LogMessage.warning(LOG, "AMIRA-LIVE-009",
            "live view of {0}: more than {1} events arrived while listing; listing again on a new session");
    static final LogMessage CONNECT_WORK_REFUSED = LogMessage.severe(LOG, "AMIRA-LIVE-010",
            "live view of {0}: the WorkManager refused the connect work; the view stays out of sync");
    static final LogMessage LISTENER_FAILED = LogMessage.warning(LOG, "AMIRA-LIVE-011",
            "live view of {0}: a listener threw on {1}; going on");
    static final LogMessage NOTIFICATIONS_DROPPED = LogMessage.warning(LOG, "AMIRA-LIVE-012",
            "live view of {0}: listeners are slower than Asterisk, {1} notifications waiting; dropped {2} so far");
    static final LogMessage NOT_CONFIGURED = LogMessage.severe(LOG, "AMIRA-LIVE-013",
            "live view: cannot start: {0}");

    private LiveLog() {
    }
}
