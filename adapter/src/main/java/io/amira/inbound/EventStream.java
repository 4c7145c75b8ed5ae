package io.amira.inbound;

import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClientConfig;
import io.amira.config.LoginGate;
import io.amira.config.StoppableWait;

import java.io.EOFException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event connection of one activation: connects as WorkManager work, feeds what passes the
 * filter to the dispatcher, and after a loss reconnects with backoff and jitter (the login event
 * mask and the server-side filter are part of every login), announcing each change to the bean as
 * a lifecycle notification. A hung server is detected by the session's keepalive and handled as a
 * loss. A refused login is not a loss: the {@link LoginGate} holds the credentials back for minutes,
 * the bean hears {@link AmiLifecycleEvents#AUTHENTICATION_FAILED} once, and the state says why.
 */
final class EventStream {

    /** Where the event connection stands. */
    enum State { CONNECTING, CONNECTED, DISCONNECTED, AUTHENTICATION_FAILED, STOPPED }

    private final String activationName;
    private final AmiClientConfig config;
    private final EventFilter filter;
    private final boolean announce;
    private final Backoff backoff;
    private final EventSession.Factory sessions;
    private final Executor longRunning;
    private final OrderedDispatcher dispatcher;
    private final LoginGate loginGate;

    private final Object lock = new Object();
    private boolean stopped;
    private Attempt current;
    private EventSession session;
    private boolean everConnected;
    private long downSinceNanos;
    private Instant downSince;
    private State state = State.CONNECTING;
    private String lastError;
    private Instant lastErrorAt;
    private long disconnects;
    private long reconnects;
    private long loginRefusals;
    private long downMillisTotal;
    private final LongAdder eventsRead = new LongAdder();
    private final LongAdder eventsFiltered = new LongAdder();

    /** {@code config}: the session's, with the filter's event mask as its login's. */
    EventStream(String activationName, AmiClientConfig config, InboundConfig inbound, EventSession.Factory sessions,
                Executor longRunning, OrderedDispatcher dispatcher, LoginGate loginGate) {
        this.activationName = activationName;
        this.config = config;
        this.filter = inbound.filter();
        this.announce = inbound.lifecycleEvents();
        this.backoff = new Backoff(inbound.reconnectInitialDelay(), inbound.reconnectMaxDelay());
        this.sessions = sessions;
        this.longRunning = longRunning;
        this.dispatcher = dispatcher;
        this.loginGate = loginGate;
        dispatcher.server(config.server());
    }

    /**
     * Connects in the background. Returns once the connect work runs, or after the connect timeout
     * when the WorkManager has no thread for it (logged; it connects once a thread is free).
     */
    void start() {
        scheduleConnect(false);
    }

    /** Whether a session is logged in now. */
    boolean isConnected() {
        synchronized (lock) {
            return session != null;
        }
    }

    /** Stops delivery at once and closes the session; a connect in progress closes what it opens. */
    void stop() {
        EventSession open;
        synchronized (lock) {
            stopped = true;
            state = State.STOPPED;
            open = session;
            session = null;
            current = null;
            lock.notifyAll();
        }
        dispatcher.halt();
        if (open != null) {
            open.close();
        }
    }

    /**
     * Schedules the connect loop. The first time, waits up to the connect timeout for it to start:
     * a WorkManager out of threads queues work without a word, and the activation would stay silent.
     * After a loss (on the session's reading thread) it does not wait.
     */
    private void scheduleConnect(boolean afterLoss) {
        CountDownLatch started = new CountDownLatch(1);
        try {
            longRunning.execute(() -> {
                started.countDown();
                connectLoop(afterLoss);
            });
        } catch (RejectedExecutionException e) {
            error("the WorkManager refused the connect work: " + e.getMessage());
            InboundLog.CONNECT_WORK_REFUSED.log(e, activationName, config.server());
            return;
        }
        long timeoutMillis = config.connectTimeout().toMillis();
        if (!afterLoss && !awaitQuietly(started, timeoutMillis)) {
            error("the connect work did not start within " + timeoutMillis + " ms: " + longRunning
                    + " has no thread free for it");
            InboundLog.CONNECT_WORK_NOT_STARTED.log(activationName, config.server(), timeoutMillis, longRunning);
        }
    }

    private void connectLoop(boolean afterLoss) {
        int attempt = 0;
        while (true) {
            attempt++;
            if ((afterLoss || attempt > 1) && !waitUnlessStopped(backoff.delayMillis(attempt))) {
                return;
            }
            if (!awaitLoginGate()) {
                return;
            }
            Attempt listener = new Attempt(attempt);
            synchronized (lock) {
                if (stopped) {
                    loginGate.failed(config);
                    return;
                }
                current = listener;
            }
            EventSession opened;
            try {
                opened = sessions.open(config, filter, listener, longRunning);
            } catch (AmiAuthenticationException e) {
                refused(e);
                continue;
            } catch (Exception e) {
                loginGate.failed(config);
                error(e.getMessage());
                (attempt == 1 ? InboundLog.CONNECT_FAILED : InboundLog.CONNECT_RETRY_FAILED)
                        .log(activationName, config.server(), attempt, e.getMessage());
                continue;
            }
            loginGate.accepted(config, "activation " + activationName);
            if (connected(listener, opened)) {
                return;
            }
        }
    }

    /** Waits while the gate holds these credentials back (refused earlier); false when stopped meanwhile. */
    private boolean awaitLoginGate() {
        while (true) {
            long waitMillis = loginGate.enter(config);
            if (waitMillis == 0) {
                return true;
            }
            if (!waitUnlessStopped(waitMillis)) {
                return false;
            }
        }
    }

    /** Asterisk refused the login: the gate logs it and says when to try again; the bean hears it once. */
    private void refused(AmiAuthenticationException e) {
        long retryMillis = loginGate.refused(config, e, "activation " + activationName);
        synchronized (lock) {
            loginRefusals++;
            errorLocked(e.getMessage());
            if (stopped || state == State.AUTHENTICATION_FAILED) {
                return;
            }
            state = State.AUTHENTICATION_FAILED;
            lifecycle(Lifecycle.event(AmiLifecycleEvents.AUTHENTICATION_FAILED, activationName, config.server(),
                    AmiLifecycleEvents.CAUSE, e.getMessage(),
                    AmiLifecycleEvents.USERNAME, config.username(),
                    AmiLifecycleEvents.RETRY_MILLIS, Long.toString(retryMillis)));
        }
    }

    private void error(String reason) {
        synchronized (lock) {
            errorLocked(reason);
        }
    }

    private void errorLocked(String reason) {
        lastError = reason;
        lastErrorAt = Instant.now();
    }

    /** Records the new session; false when it died already (try again). Closes it when stopped meanwhile. */
    private boolean connected(Attempt listener, EventSession opened) {
        synchronized (lock) {
            if (!stopped && listener.lostEarly == null) {
                session = opened;
                state = State.CONNECTED;
                announceLocked(listener);
                return true;
            }
            if (!stopped) {
                current = null;
                if (listener.announced) {
                    markDownLocked(listener.lostEarly);
                }
                return false;
            }
        }
        opened.close();
        return true;
    }

    /**
     * Under the lock: announces the session once, before any of its events is queued (the session's
     * first event and the connect loop race to call this; the lock makes the winner's notification
     * come first).
     */
    private void announceLocked(Attempt listener) {
        if (listener.announced || stopped) {
            return;
        }
        listener.announced = true;
        boolean reconnect = everConnected;
        everConnected = true;
        int attempts = listener.number;
        if (reconnect) {
            long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos);
            reconnects++;
            downMillisTotal += downMillis;
            InboundLog.RECONNECTED.log(activationName, config.server(), downMillis, attempts, downSince);
            lifecycle(Lifecycle.event(AmiLifecycleEvents.RECONNECTED, activationName, config.server(),
                    AmiLifecycleEvents.ATTEMPTS, Integer.toString(attempts),
                    AmiLifecycleEvents.DOWN_SINCE, downSince.toString(),
                    AmiLifecycleEvents.DOWN_MILLIS, Long.toString(downMillis)));
        } else {
            InboundLog.RECEIVING.log(activationName, config.server(), filter.loginEventMask());
            lifecycle(Lifecycle.event(AmiLifecycleEvents.CONNECTED, activationName, config.server()));
        }
    }

    private void announceFirstEvent(Attempt listener) {
        synchronized (lock) {
            announceLocked(listener);
        }
    }

    private void lost(Attempt listener, Exception cause) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            if (current != listener || session == null) {
                listener.lostEarly = cause == null ? new EOFException("closed by the server") : cause;
                return;
            }
            session = null;
            current = null;
            markDownLocked(cause);
        }
        scheduleConnect(true);
    }

    /**
     * Under the lock: the connection is lost and a gap begins; announced there (so it stays behind
     * the Connected/Reconnected notification it follows).
     */
    private void markDownLocked(Exception cause) {
        downSinceNanos = System.nanoTime();
        downSince = Instant.now();
        disconnects++;
        state = State.DISCONNECTED;
        String reason = cause == null ? "closed by the server" : String.valueOf(cause.getMessage());
        errorLocked("connection lost: " + reason);
        InboundLog.CONNECTION_LOST.log(activationName, config.server(), reason);
        lifecycle(Lifecycle.event(AmiLifecycleEvents.DISCONNECTED, activationName, config.server(),
                AmiLifecycleEvents.CAUSE, reason));
    }

    private void lifecycle(AmiEvent event) {
        if (announce) {
            dispatcher.offerLifecycle(event);
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- what operators see (InboundActivationMXBean, readiness) ---

    State state() { synchronized (lock) { return state; } }
    String lastError() { synchronized (lock) { return lastError; } }
    Instant lastErrorAt() { synchronized (lock) { return lastErrorAt; } }
    long disconnects() { synchronized (lock) { return disconnects; } }
    long reconnects() { synchronized (lock) { return reconnects; } }
    long loginRefusals() { synchronized (lock) { return loginRefusals; } }
    /** Time spent disconnected in gaps that ended with a reconnect. */
    long downMillisTotal() { synchronized (lock) { return downMillisTotal; } }
    /** Every event Asterisk sent the session (before the adapter's filter). */
    long eventsRead() { return eventsRead.sum(); }
    /** Events the adapter's filter kept from the bean. */
    long eventsFiltered() { return eventsFiltered.sum(); }

    private boolean waitUnlessStopped(long millis) {
        return StoppableWait.await(lock, () -> stopped, millis);
    }

    /** The listener of one connection attempt, so reports from an old session are told apart. */
    private final class Attempt implements EventSession.Listener {
        final int number;
        boolean announced; // guarded by the stream's lock
        volatile boolean announcedSeen;
        volatile Exception lostEarly;

        Attempt(int number) {
            this.number = number;
        }

        @Override
        public void onEvent(AmiEvent event) {
            if (!announcedSeen) {
                announceFirstEvent(this);
                announcedSeen = true;
            }
            eventsRead.increment();
            if (filter.accepts(event)) {
                dispatcher.offer(event);
            } else {
                eventsFiltered.increment();
            }
        }

        @Override
        public void onDisconnect(Exception cause) {
            lost(this, cause);
        }
    }
}
