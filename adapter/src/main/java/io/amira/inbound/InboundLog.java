package io.amira.inbound;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The inbound side's log messages (logger {@code io.amira.inbound}); {0} is the activation's name. */
final class InboundLog {

    private static final Logger LOG = Logger.getLogger("io.amira.inbound");

    static final LogMessage NO_BEAN_PROPERTY = LogMessage.fine(LOG, "AMIRA-IN-001",
            "no bean property {0} on the activation spec");
    static final LogMessage ACTIVATED = LogMessage.info(LOG, "AMIRA-IN-002",
            "activation {0}: {1}, {2}, ordering {3}, concurrency {4}, buffer {5} bytes");
    static final LogMessage STOPPED = LogMessage.info(LOG, "AMIRA-IN-003",
            "activation {0} stopped: {1} events received, {6} filtered out, {2} delivered, {3} failed in the bean,"
            + " {4} lost to a full buffer, {5} discarded undelivered at stop; at most {7} events ({8} bytes) waited at once");
    static final LogMessage BUFFER_FULL = LogMessage.warning(LOG, "AMIRA-IN-020",
            "activation {0}: the bean is slower than Asterisk and the buffer of {1} bytes is full ({2} events wait);"
            + " dropping arriving events until {3} bytes wait (consider a faster bean, a higher concurrency, a narrower"
            + " filter or a larger bufferCapacityBytes)");
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
    static final LogMessage BEFORE_DELIVERY_FAILED = LogMessage.warning(LOG, "AMIRA-IN-032",
            "activation {0}: beforeDelivery failed; event {1} not delivered");
    static final LogMessage AFTER_DELIVERY_FAILED = LogMessage.warning(LOG, "AMIRA-IN-033",
            "activation {0}: afterDelivery failed for event {1}");
    static final LogMessage ENDPOINT_UNAVAILABLE = LogMessage.warning(LOG, "AMIRA-IN-036",
            "activation {0}: no endpoint available ({1}); {2} events wait and delivery retries after {3} ms, backing"
            + " off to every {4} ms (is the MDB pool smaller than concurrency, or the deployment stopping?)");
    static final LogMessage ENDPOINT_AVAILABLE_AGAIN = LogMessage.info(LOG, "AMIRA-IN-037",
            "activation {0}: endpoints available again after {1} ms and {2} attempts; delivering the events that waited");
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
            "activation {0}: reconnected to {1} after {2} ms and {3} attempts; the events Asterisk raised since {4}"
            + " are lost (how many cannot be known)");
    static final LogMessage NO_SERVER_FILTER = LogMessage.info(LOG, "AMIRA-IN-044",
            "{0} did not take the event filter ({1}); filtering in the adapter only. Give the AMI user the system"
            + " write class to filter on the server.");
    static final LogMessage CONNECT_WORK_REFUSED = LogMessage.severe(LOG, "AMIRA-IN-045",
            "activation {0}: the WorkManager refused the connect work for {1}; no events until the bean is redeployed");
    static final LogMessage MBEAN_NAME_TAKEN = LogMessage.fine(LOG, "AMIRA-IN-050",
            "{0} is taken by another live activation; trying the next instance number");
    static final LogMessage MBEAN_NOT_REGISTERED = LogMessage.warning(LOG, "AMIRA-IN-051",
            "activation {0}: its statistics MBean could not be registered; the activation works without it");
    static final LogMessage MBEAN_NOT_UNREGISTERED = LogMessage.warning(LOG, "AMIRA-IN-052",
            "{0} could not be unregistered");
    static final LogMessage CONNECT_WORK_NOT_STARTED = LogMessage.severe(LOG, "AMIRA-IN-047",
            "activation {0}: the work that connects to {1} did not start within {2} ms: {3} has no thread free for it."
            + " No events arrive until one is free");

    private InboundLog() {
    }
}
