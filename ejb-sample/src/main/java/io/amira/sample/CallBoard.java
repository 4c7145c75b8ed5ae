package io.amira.sample;

import io.amira.api.AmiEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The application-wide board of calls in progress, fed by {@link CallEventListenerBean}. Inject it
 * with {@code @EJB} wherever the application needs to know who is on the phone. Logs one INFO line
 * per ended call.
 *
 * <p>Built for call storms: nothing on the event path waits for a lock. Bean-managed concurrency,
 * because a singleton's default container-managed write lock would queue every MDB instance behind
 * the one updating the board; the {@link CallTracker} is safe for concurrent use by itself. No
 * transaction either: an in-memory board has nothing to enlist.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallBoard {

    private static final Logger LOG = Logger.getLogger(CallBoard.class.getName());

    private final CallTracker tracker = new CallTracker(Clock.systemUTC());

    public void apply(AmiEvent event) {
        tracker.apply(event).ifPresent(call -> LOG.info(() -> String.format("Call %s from %s ended after %d s: %s",
                call.linkedId(), call.callerId().isEmpty() ? "unknown" : call.callerId(),
                call.duration().toSeconds(), call.cause())));
    }

    public List<CallTracker.ActiveCall> activeCalls() {
        return tracker.activeCalls();
    }
}
