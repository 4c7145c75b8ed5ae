package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.reflect.Method;

/**
 * Delivers events to a message-driven bean through its {@link MessageEndpointFactory}. A session
 * keeps one endpoint for a worker's run and wraps every delivery in {@code beforeDelivery} /
 * {@code afterDelivery}, always paired. A bean's exception is logged with the activation and the
 * event and the endpoint is replaced; the stream goes on. When no endpoint can be had, the event is
 * not delivered and the dispatcher is told ({@link UnavailableException}), so it can keep the event
 * and try again later.
 */
final class EndpointTarget implements DeliveryTarget {

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
        public boolean deliver(AmiEvent event) throws UnavailableException {
            MessageEndpoint current = endpoint();
            try {
                current.beforeDelivery(ON_EVENT);
            } catch (NoSuchMethodException | ResourceException | RuntimeException e) {
                InboundLog.BEFORE_DELIVERY_FAILED.log(e, activationName, describe(event));
                discard();
                return false;
            }
            boolean ok = true;
            try {
                ((AmiEventListener) current).onEvent(event);
            } catch (RuntimeException | Error e) {
                ok = false;
                InboundLog.BEAN_THREW.log(e, activationName, describe(event));
            } finally {
                try {
                    current.afterDelivery();
                } catch (ResourceException | RuntimeException e) {
                    ok = false;
                    InboundLog.AFTER_DELIVERY_FAILED.log(e, activationName, describe(event));
                }
            }
            if (!ok) {
                // A bean instance that threw is discarded by the container; start afresh.
                discard();
            }
            return ok;
        }

        private MessageEndpoint endpoint() throws UnavailableException {
            if (endpoint == null) {
                try {
                    endpoint = factory.createEndpoint(null);
                } catch (UnavailableException e) {
                    throw e;
                } catch (ResourceException | RuntimeException e) {
                    throw new UnavailableException("createEndpoint failed: " + e, e);
                }
                if (endpoint == null) {
                    throw new UnavailableException("createEndpoint returned no endpoint");
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
                    InboundLog.RELEASE_FAILED.log(e, activationName);
                }
            }
        }

        @Override
        public void close() {
            discard();
        }
    }
}
