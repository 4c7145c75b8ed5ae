package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers events to a message-driven bean through its {@link MessageEndpointFactory}. A session
 * keeps one endpoint for a worker's run and wraps every delivery in {@code beforeDelivery} /
 * {@code afterDelivery}, always paired. A bean's exception is logged with the activation and the
 * event and the endpoint is replaced; the stream goes on.
 */
final class EndpointTarget implements DeliveryTarget {

    private static final Logger LOG = Logger.getLogger(EndpointTarget.class.getName());
    static final Method ON_EVENT;

    static {
        try {
            ON_EVENT = AmiEventListener.class.getMethod("onEvent", AmiEvent.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final String activationName;

    EndpointTarget(MessageEndpointFactory factory, String activationName) {
        this.factory = factory;
        this.activationName = activationName;
    }

    @Override
    public Session openSession() {
        return new EndpointSession();
    }

    static String describe(AmiEvent event) {
        StringBuilder text = new StringBuilder(event.name());
        append(text, "Linkedid", event.linkedId());
        append(text, "Uniqueid", event.uniqueId());
        append(text, "Channel", event.channel());
        return text.toString();
    }

    private static void append(StringBuilder text, String header, String value) {
        if (value != null) {
            text.append(' ').append(header).append('=').append(value);
        }
    }

    private final class EndpointSession implements Session {

        private MessageEndpoint endpoint;

        @Override
        public boolean deliver(AmiEvent event) {
            MessageEndpoint current = endpoint();
            if (current == null) {
                LOG.warning(() -> "AMIRA-IN-031 activation " + activationName + ": no endpoint available; event "
                        + describe(event) + " not delivered");
                return false;
            }
            try {
                current.beforeDelivery(ON_EVENT);
            } catch (NoSuchMethodException | ResourceException | RuntimeException e) {
                LOG.log(Level.WARNING, "AMIRA-IN-032 activation " + activationName + ": beforeDelivery failed; event "
                        + describe(event) + " not delivered", e);
                discard();
                return false;
            }
            boolean ok = true;
            try {
                ((AmiEventListener) current).onEvent(event);
            } catch (RuntimeException | Error e) {
                ok = false;
                LOG.log(Level.WARNING, "AMIRA-IN-030 activation " + activationName + ": the bean threw on event "
                        + describe(event) + "; going on with the next event", e);
            } finally {
                try {
                    current.afterDelivery();
                } catch (ResourceException | RuntimeException e) {
                    ok = false;
                    LOG.log(Level.WARNING, "AMIRA-IN-033 activation " + activationName + ": afterDelivery failed for event "
                            + describe(event), e);
                }
            }
            if (!ok) {
                // A bean instance that threw is discarded by the container; start afresh.
                discard();
            }
            return ok;
        }

        private MessageEndpoint endpoint() {
            if (endpoint == null) {
                try {
                    endpoint = factory.createEndpoint(null);
                } catch (ResourceException | RuntimeException e) {
                    LOG.log(Level.WARNING, "AMIRA-IN-034 activation " + activationName + ": createEndpoint failed", e);
                }
            }
            return endpoint;
        }

        private void discard() {
            MessageEndpoint old = endpoint;
            endpoint = null;
            if (old != null) {
                try {
                    old.release();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "AMIRA-IN-035 activation " + activationName + ": release failed", e);
                }
            }
        }

        @Override
        public void close() {
            discard();
        }
    }
}
