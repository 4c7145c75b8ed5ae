package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.api.LiveSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The resynchronisation protocol around the {@link LiveModel}. Each event session is numbered;
 * from its start until the three list answers are in, its events are kept in a window instead of
 * being applied. Then the model is replaced by the lists and the window is applied on top, in
 * order: Asterisk's lists come from caches that may lead or lag its event stream, and every event
 * sets absolute values, so an event already in a list changes nothing and one the list missed is
 * not lost. After that, events apply as they come. Events of an older session are ignored.
 *
 * <p>Thread-safe: one lock guards the model. Events and list answers arrive on the session's
 * reading thread; snapshots copy the model's immutable records under the lock and are cached
 * until the next change.
 */
final class Tracker {

    /** Events kept while listing; beyond, the resync starts over on a new session. */
    static final int MAX_WINDOW = 1_000_000;

    private final String server;
    private final int maxWindow;
    private final Clock clock;
    private final Notifier notifier;
    private final LiveModel model;
    private final Object lock = new Object();

    private long session;
    private List<AmiEvent> window;
    private boolean windowOverflowed;
    private long sessionStartNanos;
    private boolean inSync;
    private Instant outOfSyncSince;
    private long version;
    private volatile Cached cached;

    Tracker(String server, Clock clock, Notifier notifier) {
        this(server, clock, notifier, MAX_WINDOW);
    }

    Tracker(String server, Clock clock, Notifier notifier, int maxWindow) {
        this.server = server;
        this.maxWindow = maxWindow;
        this.clock = clock;
        this.notifier = notifier;
        this.model = new LiveModel(notifier::callEnded);
        this.outOfSyncSince = clock.instant();
    }

    /** A new session is about to log in: from now on only its events count; returns its number. */
    long beginSession() {
        synchronized (lock) {
            session++;
            window = new ArrayList<>();
            windowOverflowed = false;
            sessionStartNanos = System.nanoTime();
            return session;
        }
    }

    /** An event of session {@code sessionId}, in the order it arrived. */
    void onEvent(long sessionId, AmiEvent event) {
        if (!TrackedEvents.isTracked(event.name())) {
            return;
        }
        synchronized (lock) {
            if (sessionId != session) {
                return;
            }
            if (window != null) {
                if (window.size() < maxWindow) {
                    window.add(event);
                } else {
                    windowOverflowed = true;
                }
                return;
            }
            model.apply(event, clock.instant());
            version++;
        }
    }

    /**
     * The list answers of session {@code sessionId} are in: the view is in sync. False when more
     * events arrived meanwhile than the window keeps (the caller starts a new session).
     */
    boolean resync(long sessionId, List<AmiEvent> channels, List<AmiEvent> bridges, List<AmiEvent> queues) {
        synchronized (lock) {
            if (sessionId != session || window == null) {
                return true;
            }
            if (windowOverflowed) {
                LiveLog.RESYNC_BUFFER_FULL.log(server, maxWindow);
                return false;
            }
            int replayed = window.size();
            model.resync(channels, bridges, queues, window, clock.instant());
            window = null;
            inSync = true;
            outOfSyncSince = null;
            version++;
            lock.notifyAll();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sessionStartNanos);
            LiveLog.SYNCED.log(server, millis, model.channelCount(), model.bridgeCount(), model.queueCount(), replayed);
            notifier.lifecycle(AmiEvent.builder(AmiLifecycleEvents.LIVE_STATE_SYNCED).server(server)
                    .header(AmiLifecycleEvents.SERVER, server)
                    .header(AmiLifecycleEvents.RESYNC_MILLIS, Long.toString(millis)).build());
            return true;
        }
    }

    /** Session {@code sessionId} ended: the view is not in sync until the next one has listed. */
    void sessionLost(long sessionId, String cause) {
        synchronized (lock) {
            if (sessionId == session) {
                endSession(cause, true);
            }
        }
    }

    /** Ends whatever session runs (the view stops: listeners hear it, the log says so once, at INFO). */
    void stop(String cause) {
        synchronized (lock) {
            endSession(cause, false);
        }
    }

    private void endSession(String cause, boolean lost) {
        session++;
        window = null;
        if (!inSync) {
            return;
        }
        inSync = false;
        outOfSyncSince = clock.instant();
        version++;
        if (lost) {
            LiveLog.LOST.log(server, cause);
        }
        notifier.lifecycle(AmiEvent.builder(AmiLifecycleEvents.LIVE_STATE_LOST).server(server)
                .header(AmiLifecycleEvents.SERVER, server)
                .header(AmiLifecycleEvents.CAUSE, cause).build());
    }

    boolean isInSync() {
        synchronized (lock) {
            return inSync;
        }
    }

    boolean awaitInSync(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!inSync) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** The state now; the same object again while nothing changes. */
    LiveSnapshot snapshot() {
        Cached last = cached;
        LiveModel.Parts parts;
        boolean sync;
        Instant since;
        long at;
        synchronized (lock) {
            if (last != null && last.version == version) {
                return last.snapshot;
            }
            parts = model.parts();
            sync = inSync;
            since = outOfSyncSince;
            at = version;
        }
        LiveSnapshot snapshot = parts.snapshot(server, sync, since);
        cached = new Cached(at, snapshot);
        return snapshot;
    }

    private record Cached(long version, LiveSnapshot snapshot) {
    }
}
