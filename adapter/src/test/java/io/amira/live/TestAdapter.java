package io.amira.live;

import io.amira.config.AdapterContext;
import io.amira.config.LoginGate;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A resource adapter double for the live view: server properties, a WorkManager stand-in (daemon
 * threads) and the stop actions the view registers, run by {@link #stop()}.
 */
final class TestAdapter implements ResourceAdapter, AdapterContext {

    private final ServerProperties properties = new ServerProperties();
    private final ExecutorService work = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-work");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
    private final LoginGate loginGate = new LoginGate();

    TestAdapter(String host, int port, String username, String secret) {
        properties.set(ServerProperty.HOST, host);
        properties.set(ServerProperty.PORT, port);
        properties.set(ServerProperty.USERNAME, username);
        properties.set(ServerProperty.SECRET, secret);
    }

    /** A live view of this adapter, reconnecting within {@code reconnectMillis} of a loss. */
    LiveStateAdminObject liveView(long reconnectMillis) {
        LiveStateAdminObject view = new LiveStateAdminObject();
        view.setResourceAdapter(this);
        view.setReconnectInitialDelayMillis(reconnectMillis);
        return view;
    }

    @Override
    public ServerProperties serverProperties() {
        return properties;
    }

    @Override
    public ExecutorService longTasks() {
        return work;
    }

    @Override
    public LoginGate loginGate() {
        return loginGate;
    }

    @Override
    public void onStop(Runnable stop) {
        stopActions.add(stop);
    }

    @Override
    public void stop() {
        stopActions.forEach(Runnable::run);
        stopActions.clear();
        work.shutdownNow();
    }

    @Override
    public void start(BootstrapContext context) {
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }
}
