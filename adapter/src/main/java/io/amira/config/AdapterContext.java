package io.amira.config;

import java.util.concurrent.Executor;

/**
 * What the outbound and inbound sides need of the resource adapter they belong to, without
 * depending on its class: its server properties (their fallback), the WorkManager that runs
 * every session's reading task, and its stop.
 */
public interface AdapterContext {

    /** The server properties set on the resource adapter. */
    ServerProperties serverProperties();

    /**
     * Runs long-lived tasks (socket readers) as WorkManager work.
     *
     * @throws IllegalStateException when the adapter is not started (there is no WorkManager yet)
     */
    Executor longTasks();

    /**
     * Runs {@code stop} when the adapter stops, while its WorkManager is still there: for what runs
     * as long as the adapter does (the live views, which administered objects start).
     */
    void onStop(Runnable stop);

    /** Keeps refused credentials away from Asterisk for every pool and activation of this adapter. */
    LoginGate loginGate();
}
