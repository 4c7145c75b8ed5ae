package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A MessageEndpointFactory double: its endpoints hand events to a listener and check the container
 * contract (beforeDelivery with onEvent, then onEvent, then afterDelivery; no use after release;
 * one thread at a time). Violations are collected, not thrown, so a test can assert none occurred.
 */
final class TestEndpointFactory implements MessageEndpointFactory {

    private final String activationName;
    private final Consumer<AmiEvent> listener;
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    final AtomicInteger inOnEvent = new AtomicInteger();
    final AtomicInteger maxInOnEvent = new AtomicInteger();
    final AtomicInteger beforeCalls = new AtomicInteger();
    final AtomicInteger afterCalls = new AtomicInteger();
    /** How many more createEndpoint calls fail as if the MDB pool were exhausted. */
    final AtomicInteger unavailable = new AtomicInteger();
    final List<Long> createAttemptNanos = new CopyOnWriteArrayList<>();

    TestEndpointFactory(String activationName, Consumer<AmiEvent> listener) {
        this.activationName = activationName;
        this.listener = listener;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        createAttemptNanos.add(System.nanoTime());
        if (unavailable.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new UnavailableException("the MDB pool is exhausted (on purpose)");
        }
        created.incrementAndGet();
        return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return activationName;
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    /** Endpoints created and not yet released. */
    int outstanding() {
        return created.get() - released.get();
    }

    final class Endpoint implements MessageEndpoint, AmiEventListener {
        private boolean inDelivery;
        private boolean released;

        @Override
        public synchronized void beforeDelivery(Method method) {
            if (released || inDelivery || !method.equals(EndpointTarget.ON_EVENT)) {
                violations.add("beforeDelivery out of turn or with " + method);
            }
            beforeCalls.incrementAndGet();
            inDelivery = true;
        }

        @Override
        public void onEvent(AmiEvent event) {
            synchronized (this) {
                if (!inDelivery || released) {
                    violations.add("onEvent outside beforeDelivery/afterDelivery");
                }
            }
            int now = inOnEvent.incrementAndGet();
            maxInOnEvent.accumulateAndGet(now, Math::max);
            try {
                listener.accept(event);
            } finally {
                inOnEvent.decrementAndGet();
            }
        }

        @Override
        public synchronized void afterDelivery() {
            if (!inDelivery || released) {
                violations.add("afterDelivery without beforeDelivery");
            }
            afterCalls.incrementAndGet();
            inDelivery = false;
        }

        @Override
        public synchronized void release() {
            if (released || inDelivery) {
                violations.add("release twice or during a delivery");
            }
            released = true;
            TestEndpointFactory.this.released.incrementAndGet();
        }
    }
}
