package io.amira.sample;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Logger;

/**
 * How to receive AMI events in your application: a message-driven bean implementing
 * {@link AmiEventListener}. The binding to the adapter ({@code amira.ear#adapter.rar}, or the one
 * the system property {@code amira.resource-adapter} names) is in META-INF/jboss-ejb3.xml;
 * activation config properties choose which events arrive (see docs/configuration.md). This one
 * logs them; the calls in progress are the {@link CallBoard}'s, which asks the adapter's live view
 * instead of keeping state from these events. Events of one call arrive in order; different calls
 * in parallel.
 *
 * <p>Written for call storms (thousands of calls starting within a second, 25 events each), where
 * what one event costs decides whether the burst is absorbed: each call event is logged on one line
 * at FINE only (logger {@code io.amira.sample.CallEventListenerBean}; the demo turns it on), and the
 * bean runs without a transaction (nothing here is transactional; a bean that writes to a database
 * keeps the default, {@code REQUIRED}). A log line at INFO and a transaction per event each cost
 * the server more than the bean's own work (docs/PERFORMANCE.md, "Call storms on WildFly").
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallEventListenerBean implements AmiEventListener {

    private static final Logger LOG = Logger.getLogger(CallEventListenerBean.class.getName());

    @Override
    public void onEvent(AmiEvent event) {
        if (event.isLifecycle()) {
            // Amira.Connected (also after a cluster takeover), Amira.Reconnected, Amira.EventsLost:
            // events before it were missed here; a real application would resynchronise (Status),
            // or ask the live view (CallBoard), which resynchronises by itself.
            LOG.info(() -> "AMIRA-SAMPLE-020 " + event.name() + " from " + event.get("Server")
                    + ": calls in progress may have been missed");
            return;
        }
        if (event.get("Channel") == null) {
            return;
        }
        LOG.fine(() -> EventLines.describe(event));
    }
}
