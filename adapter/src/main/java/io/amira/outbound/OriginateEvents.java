package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiException;
import io.amira.client.AmiClient;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Narrows a pooled session's events to {@code OriginateResponse}: enough for async Originate to
 * learn its outcome, without every pooled session reading every call's events. Asterisk's
 * {@code Filter} action needs the {@code system} write class; without it the session turns its
 * events off instead, and async Originate reports that it cannot wait for the outcome.
 */
final class OriginateEvents {

    private static final Logger LOG = Logger.getLogger(OriginateEvents.class.getName());
    static final String EVENT = "OriginateResponse";
    private static final AmiAction FILTER = AmiAction.builder("Filter")
            .header("Operation", "Add").header("Filter", "Event: " + EVENT).build();
    private static final AmiAction EVENTS_OFF = AmiAction.builder("Events").header("EventMask", "off").build();

    private OriginateEvents() {
    }

    /** True when the session now receives only OriginateResponse events; false when it receives none. */
    static boolean narrowTo(AmiClient session, String username) {
        try {
            session.send(FILTER);
            return true;
        } catch (AmiException e) {
            LOG.log(Level.WARNING, "AMIRA-OUT-003 AMI user {0} on {1} may not set an event filter ({2}); its pooled "
                    + "sessions take no events, so async Originate cannot report outcomes (grant write=system "
                    + "or use a synchronous Originate)", new Object[] {username, session.server(), e.getMessage()});
        }
        try {
            session.send(EVENTS_OFF);
        } catch (AmiException e) {
            LOG.log(Level.WARNING, "AMIRA-OUT-008 could not turn events off for AMI user {0} on {1}: {2}",
                    new Object[] {username, session.server(), e.getMessage()});
        }
        return false;
    }
}
