package io.amira.live;

import io.amira.client.AmiClientConfig;
import io.amira.config.LoginGate;

import java.time.Clock;
import java.util.concurrent.Executor;

/** A running live view: its tracker, its listeners and its event session. */
final class LiveView {

    final Tracker tracker;
    final Notifier notifier;
    private final Connector connector;

    private LiveView(AmiClientConfig config, LoginGate loginGate, Executor executor, ReconnectDelay delay) {
        notifier = new Notifier(config.server(), executor);
        tracker = new Tracker(config.server(), Clock.systemUTC(), notifier);
        connector = new Connector(config, loginGate, tracker, executor, delay);
    }

    /** Starts connecting in the background ({@code config} logs in with the tracked events' mask); returns at once. */
    static LiveView start(AmiClientConfig config, LoginGate loginGate, Executor executor, ReconnectDelay delay) {
        LiveView view = new LiveView(config, loginGate, executor, delay);
        view.connector.start();
        return view;
    }

    void stop() {
        connector.stop();
    }
}
