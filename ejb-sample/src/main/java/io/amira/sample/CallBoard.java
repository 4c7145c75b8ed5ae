package io.amira.sample;

import io.amira.api.AmiEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application-wide board of calls in progress, fed by {@link CallEventListenerBean}. Inject it
 * with {@code @EJB} wherever the application needs to know who is on the phone.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallBoard {

    private static final Logger LOG = Logger.getLogger(CallBoard.class.getName());

    private final CallTracker tracker = new CallTracker(Clock.systemUTC());

    public void apply(AmiEvent event) {
        Optional<CallTracker.EndedCall> ended;
        synchronized (tracker) {
            ended = tracker.apply(event);
        }
        ended.ifPresent(call -> LOG.info(() -> String.format("Call %s from %s ended after %d s: %s",
                call.linkedId(), call.callerId().isEmpty() ? "unknown" : call.callerId(),
                call.duration().toSeconds(), call.cause())));
    }

    public List<CallTracker.ActiveCall> activeCalls() {
        synchronized (tracker) {
            return tracker.activeCalls();
        }
    }
}
