package io.amira.sample;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;

import java.util.logging.Logger;

/**
 * How to receive AMI events in your application: a message-driven bean implementing
 * {@link AmiEventListener}. The binding to the adapter ({@code amira.ear#adapter.rar}, or the one
 * the system property {@code amira.resource-adapter} names) is in META-INF/jboss-ejb3.xml; activation config properties choose which events arrive (see
 * docs/configuration.md). This one logs every call event on one line (the calls in progress are
 * the {@link CallBoard}'s, which asks the adapter's live view). Events of one call arrive in order;
 * different calls in parallel.
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
public class CallEventListenerBean implements AmiEventListener {

    private static final Logger LOG = Logger.getLogger(CallEventListenerBean.class.getName());

    @Override
    public void onEvent(AmiEvent event) {
        if (event.isLifecycle()) {
            // Amira.Connected (also after a cluster takeover), Amira.Reconnected, Amira.EventsLost:
            // events before it were missed here; a real application would resynchronise (Status), or ask the live view (CallBoard).
            LOG.info(() -> "AMIRA-SAMPLE-020 " + event.name() + " from " + event.get("Server")
                    + ": calls in progress may have been missed");
            return;
        }
        if (event.get("Channel") == null) {
            return;
        }
        LOG.info(() -> EventLines.describe(event));
    }
}
