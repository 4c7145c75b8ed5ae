package io.amira.inbound;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The inbound side's log messages (logger {@code io.amira.inbound}); {0} is the activation's name. */
final class InboundLog {

    private static final Logger LOG = Logger.getLogger("io.amira.inbound");

    static final LogMessage NO_BEAN_PROPERTY = LogMessage.fine(LOG, "AMIRA-IN-001",
            "no bean property {0} on the activation spec");
    static final LogMessage ACTIVATED = LogMessage.info(LOG, "AMIRA-IN-002",
            "activation {0}: {1}, {2}, ordering {3}, concurrency {4}, buffer {5}");
    static final LogMessage STOPPED = LogMessage.info(LOG, "AMIRA-IN-003",
            "activation {0} stopped: {1} events received, {2} delivered, {3} failed in the bean, {4} dropped,"
            + " {5} discarded undelivered at stop");
    static final LogMessage BUFFER_FULL = LogMessage.warning(LOG, "AMIRA-IN-020",
            "activation {0}: the bean is slower than Asterisk and the buffer of {1} events is full; dropping arriving"
            + " events until {2} wait (consider a higher concurrency or a narrower filter)");
    static final LogMessage EVENTS_DROPPED = LogMessage.warning(LOG, "AMIRA-IN-021",
            "activation {0}: {1} events dropped in this burst ({2} since activation); delivering again");
    static final LogMessage DELIVERY_WORK_REFUSED = LogMessage.warning(LOG, "AMIRA-IN-022",
            "activation {0}: the WorkManager refused delivery work; events wait for the next attempt");
    static final LogMessage DELIVERY_WORKER_FAILED = LogMessage.severe(LOG, "AMIRA-IN-023",
            "activation {0}: delivery worker failed");
    static final LogMessage DELIVERIES_STILL_RUNNING = LogMessage.warning(LOG, "AMIRA-IN-024",
            "activation {0}: {1} deliveries still running after {2} ms; not waiting longer");
    static final LogMessage BEAN_THREW = LogMessage.warning(LOG, "AMIRA-IN-030",
            "activation {0}: the bean threw on event {1}; going on with the next event");
    static final LogMessage NO_ENDPOINT = LogMessage.warning(LOG, "AMIRA-IN-031",
            "activation {0}: no endpoint available; event {1} not delivered");
    static final LogMessage BEFORE_DELIVERY_FAILED = LogMessage.warning(LOG, "AMIRA-IN-032",
            "activation {0}: beforeDelivery failed; event {1} not delivered");
    static final LogMessage AFTER_DELIVERY_FAILED = LogMessage.warning(LOG, "AMIRA-IN-033",
            "activation {0}: afterDelivery failed for event {1}");
    static final LogMessage CREATE_ENDPOINT_FAILED = LogMessage.warning(LOG, "AMIRA-IN-034",
            "activation {0}: createEndpoint failed");
    static final LogMessage RELEASE_FAILED = LogMessage.fine(LOG, "AMIRA-IN-035",
            "activation {0}: release failed");
    static final LogMessage RECEIVING = LogMessage.info(LOG, "AMIRA-IN-040",
            "activation {0}: receiving events from {1} (event mask {2})");
    static final LogMessage CONNECTION_LOST = LogMessage.warning(LOG, "AMIRA-IN-041",
            "activation {0}: lost the event connection to {1} ({2}); reconnecting");
    static final LogMessage CONNECT_FAILED = LogMessage.warning(LOG, "AMIRA-IN-042",
            "activation {0}: cannot connect to {1} (attempt {2}): {3}; retrying with backoff");
    static final LogMessage CONNECT_RETRY_FAILED = LogMessage.info(LOG, "AMIRA-IN-046",
            "activation {0}: cannot connect to {1} (attempt {2}): {3}; retrying with backoff");
    static final LogMessage RECONNECTED = LogMessage.info(LOG, "AMIRA-IN-043",
            "activation {0}: reconnected to {1} after {2} ms and {3} attempts; events of that interval are lost");
    static final LogMessage NO_SERVER_FILTER = LogMessage.info(LOG, "AMIRA-IN-044",
            "{0} did not take the event filter ({1}); filtering in the adapter only. Give the AMI user the system"
            + " write class to filter on the server.");
    static final LogMessage CONNECT_WORK_REFUSED = LogMessage.severe(LOG, "AMIRA-IN-045",
            "activation {0}: the WorkManager refused the connect work for {1}; no events until the bean is redeployed");

    private InboundLog() {
    }
}
