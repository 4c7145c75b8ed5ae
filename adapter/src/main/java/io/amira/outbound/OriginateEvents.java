package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiException;
import io.amira.client.AmiClient;

/**
 * Narrows a pooled session's events to {@code OriginateResponse}: enough for async Originate to
 * learn its outcome, without every pooled session reading every call's events. Asterisk's
 * {@code Filter} action needs the {@code system} write class; without it the session turns its
 * events off instead, and async Originate reports that it cannot wait for the outcome.
 */
final class OriginateEvents {

    static final String EVENT = "OriginateResponse";
    private static final AmiAction FILTER = AmiAction.builder("Filter")
            .header("Operation", "Add").header("Filter", "Event: " + EVENT).build();
    private static final AmiAction EVENTS_OFF = AmiAction.builder("Events").header("EventMask", "off").build();

    private OriginateEvents() {
    }

    /**
     * {@code originate} with {@code Async: true} (added when absent), to send on {@code connection}.
     *
     * @throws AmiException when the session receives no OriginateResponse events (no Filter allowed)
     */
    static AmiAction asAsync(AmiAction originate, AmiManagedConnection connection) throws AmiException {
        if (!"Originate".equalsIgnoreCase(originate.name())) {
            throw new IllegalArgumentException("originate sends an Originate, not " + originate.name());
        }
        if (!connection.receivesOriginateEvents()) {
            throw new AmiException("Originate on " + connection.config().server() + " cannot report its outcome: AMI user "
                    + connection.username() + " may not set the event filter pooled sessions need (grant write=system"
                    + " in manager.conf), so no OriginateResponse arrives; send the Originate with send() instead");
        }
        return originate.get("Async") == null ? originate.toBuilder().header("Async", "true").build() : originate;
    }

    /** True when the session now receives only OriginateResponse events; false when it receives none. */
    static boolean narrowTo(AmiClient session, String username) {
        try {
            session.send(FILTER);
            return true;
        } catch (AmiException e) {
            OutboundLog.NO_EVENT_FILTER.log(username, session.server(), e.getMessage());
        }
        try {
            session.send(EVENTS_OFF);
        } catch (AmiException e) {
            OutboundLog.EVENTS_OFF_FAILED.log(username, session.server(), e.getMessage());
        }
        return false;
    }
}
