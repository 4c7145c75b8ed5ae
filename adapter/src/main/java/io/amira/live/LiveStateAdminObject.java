package io.amira.live;

import io.amira.api.AmiLiveState;
import io.amira.api.LiveSnapshot;
import io.amira.api.LiveStateListener;
import io.amira.config.AdapterContext;
import io.amira.config.InvalidServerPropertiesException;
import io.amira.config.ServerConfigBean;
import io.amira.config.ServerProperties;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import javax.naming.Reference;
import java.time.Duration;

/**
 * The live view as the container manages it: an administered object of the adapter, bound in JNDI
 * ({@code java:/eis/amira-live} in the zero-config amira.ear) and configured like a connection
 * definition (its server properties fall back to the resource adapter's, then MicroProfile Config).
 * It starts tracking on its first use, on its own event session run by the adapter's WorkManager,
 * and stops with the adapter. Objects of the same configuration share one view ({@link SharedViews}):
 * Payara hands out a new object on every lookup.
 */
@AdministeredObject(adminObjectInterfaces = AmiLiveState.class)
public class LiveStateAdminObject extends ServerConfigBean implements AmiLiveState, ResourceAdapterAssociation, Referenceable {

    private static final long serialVersionUID = 1L;
    /** The views of every administered object of this class: one per adapter and configuration. */
    private static final SharedViews<LiveView> VIEWS = new SharedViews<>(LiveView::stop);

    private transient ResourceAdapter resourceAdapter;
    private transient Reference reference;
    private transient volatile LiveView view;
    private Long reconnectInitialDelayMillis = 500L;
    private Long reconnectMaxDelayMillis = 30_000L;

    @Override
    public String server() {
        return serverProperties().server(adapter().serverProperties());
    }

    @Override
    public boolean isInSync() {
        return running().tracker.isInSync();
    }

    @Override
    public LiveSnapshot snapshot() {
        return running().tracker.snapshot();
    }

    @Override
    public boolean awaitInSync(Duration timeout) throws InterruptedException {
        return running().tracker.awaitInSync(timeout);
    }

    @Override
    public Registration addListener(LiveStateListener listener) {
        return running().notifier.add(listener);
    }

    private LiveView running() {
        LiveView running = view;
        if (running != null) {
            return running;
        }
        synchronized (this) {
            if (view == null) {
                AdapterContext adapter = adapter();
                view = VIEWS.of(adapter, new ViewKey(serverProperties(), reconnectInitialDelayMillis, reconnectMaxDelayMillis),
                        () -> start(adapter));
            }
            return view;
        }
    }

    private LiveView start(AdapterContext adapter) {
        try {
            return LiveView.start(serverProperties().resolve(adapter.serverProperties(), TrackedEvents.LOGIN_EVENT_MASK),
                    adapter.loginGate(), adapter.longTasks(), new ReconnectDelay(Duration.ofMillis(reconnectInitialDelayMillis),
                            Duration.ofMillis(reconnectMaxDelayMillis)));
        } catch (InvalidServerPropertiesException e) {
            LiveLog.NOT_CONFIGURED.log(e.getMessage());
            throw new IllegalStateException("The live view cannot start: " + e.getMessage(), e);
        }
    }

    /** What makes two administered objects the same view: their server properties and reconnect delays. */
    private record ViewKey(ServerProperties properties, long reconnectInitialDelayMillis, long reconnectMaxDelayMillis) {
    }

    private AdapterContext adapter() {
        if (resourceAdapter instanceof AdapterContext context) {
            return context;
        }
        throw new IllegalStateException("The live view is not associated with the Amira resource adapter"
                + " (it is an administered object of amira.ear#adapter.rar; look it up in JNDI)");
    }

    public Long getReconnectInitialDelayMillis() { return reconnectInitialDelayMillis; }
    @ConfigProperty(defaultValue = "500", description = "Longest wait before the first reconnect after a loss (random,"
            + " so views do not all log in at once); doubles up to reconnectMaxDelayMillis while reconnecting fails")
    public void setReconnectInitialDelayMillis(Long millis) {
        this.reconnectInitialDelayMillis = millis == null || millis < 1 ? 500L : millis;
    }

    public Long getReconnectMaxDelayMillis() { return reconnectMaxDelayMillis; }
    @ConfigProperty(defaultValue = "30000", description = "Longest wait between reconnect attempts")
    public void setReconnectMaxDelayMillis(Long millis) {
        this.reconnectMaxDelayMillis = millis == null || millis < 1 ? 30_000L : millis;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "LiveStateAdminObject[" + serverProperties() + (view == null ? ", not started" : ", started") + "]";
    }
}
