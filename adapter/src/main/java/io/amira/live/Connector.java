package io.amira.live;

import io.amira.api.AmiAction;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;
import io.amira.config.LoginGate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The live view's event session: connects as WorkManager work (login event mask
 * {@link TrackedEvents#LOGIN_EVENT_MASK}), sends one {@code Filter} per tracked event and the three
 * lists ({@code CoreShowChannels}, {@code BridgeList}, {@code QueueStatus}) in one write, hands
 * events and answers to the {@link Tracker}, and after a loss or a failed resync connects again
 * with backoff. Refused credentials wait at the adapter's {@link LoginGate} like its pools and
 * activations do. The session's keepalive notices a hung Asterisk.
 */
final class Connector {

    /** Lists of a large PBX take long (CoreShowChannels of 100,000 channels: seconds). */
    private static final Duration MIN_LIST_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> LISTS = List.of("CoreShowChannels", "BridgeList", "QueueStatus");

    private static final String WHO = "the live view";

    private final AmiClientConfig config;
    private final LoginGate loginGate;
    private final Tracker tracker;
    private final Executor executor;
    private final ReconnectDelay delay;
    private final Duration listTimeout;
    private final Object lock = new Object();

    private boolean stopped;
    private Attempt current;
    private int failuresInARow;

    Connector(AmiClientConfig config, LoginGate loginGate, Tracker tracker, Executor executor, ReconnectDelay delay) {
        this.config = config;
        this.loginGate = loginGate;
        this.tracker = tracker;
        this.executor = executor;
        this.delay = delay;
        this.listTimeout = config.actionTimeout().compareTo(MIN_LIST_TIMEOUT) > 0 ? config.actionTimeout() : MIN_LIST_TIMEOUT;
    }

    void start() {
        LiveLog.STARTING.log(config.server(), config.username(), config.events());
        schedule();
    }

    /** Closes the session; a connect in progress closes what it opens. */
    void stop() {
        Attempt open;
        synchronized (lock) {
            stopped = true;
            open = current;
            current = null;
            lock.notifyAll();
        }
        if (open != null && open.client != null) {
            open.client.close();
        }
        tracker.stop("the live view was stopped");
        LiveLog.STOPPED.log(config.server());
    }

    private void schedule() {
        try {
            executor.execute(this::connectLoop);
        } catch (RejectedExecutionException e) {
            LiveLog.CONNECT_WORK_REFUSED.log(e, config.server());
        }
    }

    private void connectLoop() {
        long waitMillis = 0;
        while (true) {
            int failures;
            synchronized (lock) {
                failures = failuresInARow;
            }
            long delayMillis = Math.max(waitMillis, failures > 0 ? delay.millis(failures) : 0);
            if (delayMillis > 0 && !waitUnlessStopped(delayMillis)) {
                return;
            }
            waitMillis = loginGate.enter(config);
            if (waitMillis > 0) {
                continue; // refused credentials: another pool or activation of the adapter probes them
            }
            Attempt attempt = new Attempt(tracker.beginSession());
            synchronized (lock) {
                if (stopped) {
                    loginGate.failed(config);
                    return;
                }
                current = attempt;
            }
            AmiClient client;
            try {
                client = AmiClient.connect(config, attempt, executor);
                loginGate.accepted(config, WHO);
            } catch (AmiAuthenticationException e) {
                waitMillis = loginGate.refused(config, e, WHO);
                failed();
                continue;
            } catch (AmiException | RuntimeException e) {
                loginGate.failed(config);
                int count = failed();
                (count == 1 ? LiveLog.CONNECT_FAILED : LiveLog.CONNECT_RETRY_FAILED).log(config.server(), count, e.getMessage());
                continue;
            }
            if (started(attempt, client)) {
                requestLists(attempt, client);
                return;
            }
            client.close();
            synchronized (lock) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    /** Records the session; false when it died already (try again) or the view stopped meanwhile. */
    private boolean started(Attempt attempt, AmiClient client) {
        synchronized (lock) {
            if (stopped || current != attempt) {
                return false;
            }
            if (attempt.lostEarly != null) {
                current = null;
                failuresInARow++;
                tracker.sessionLost(attempt.session, attempt.lostEarly);
                return false;
            }
            attempt.client = client;
            return true;
        }
    }

    private int failed() {
        synchronized (lock) {
            return ++failuresInARow;
        }
    }

    /** The filters and the lists in one write; the answers complete on the session's reading thread, in order. */
    private void requestLists(Attempt attempt, AmiClient client) {
        List<AmiAction> actions = new ArrayList<>();
        for (String name : TrackedEvents.NAMES) {
            actions.add(AmiAction.builder("Filter").header("Operation", "Add").header("Filter", "Event: " + name).build());
        }
        for (String list : LISTS) {
            actions.add(AmiAction.of(list));
        }
        List<CompletableFuture<AmiResponse>> answers = client.sendAllAsync(actions, listTimeout);
        int filters = TrackedEvents.NAMES.size();
        List<CompletableFuture<AmiResponse>> lists = answers.subList(filters, answers.size());
        CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (!(cause instanceof AmiConnectionLostException)) {
                    LiveLog.LIST_FAILED.log(config.server(), cause.getMessage());
                    end(attempt, "listing failed: " + cause.getMessage());
                }
                return;
            }
            String filterProblem = filterProblem(answers.subList(0, filters));
            if (filterProblem != null) {
                end(attempt, filterProblem);
                return;
            }
            if (tracker.resync(attempt.session, lists.get(0).join().events(), lists.get(1).join().events(),
                    lists.get(2).join().events())) {
                synchronized (lock) {
                    failuresInARow = 0;
                }
            } else {
                end(attempt, "too many events while listing");
            }
        });
    }

    /**
     * Null when every filter was taken, or none (the user may not filter: the view reads every event
     * of its classes); a reason to start over when only some were (the session would miss events).
     */
    private String filterProblem(List<CompletableFuture<AmiResponse>> filters) {
        String refusal = null;
        int refused = 0;
        for (CompletableFuture<AmiResponse> filter : filters) {
            if (filter.isCompletedExceptionally()) {
                refused++;
                try {
                    filter.join();
                } catch (CompletionException e) {
                    refusal = String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
                }
            }
        }
        if (refused == filters.size()) {
            LiveLog.NO_SERVER_FILTER.log(config.server(), refusal);
        }
        return refused == 0 || refused == filters.size() ? null
                : "Asterisk took only " + (filters.size() - refused) + " of " + filters.size() + " event filters (" + refusal + ")";
    }

    /** Ends a session that cannot serve (closing it does not report a loss by itself). */
    private void end(Attempt attempt, String reason) {
        AmiClient client = attempt.client;
        if (client != null) {
            client.close();
        }
        lost(attempt, reason);
    }

    private void lost(Attempt attempt, String cause) {
        synchronized (lock) {
            if (stopped || current != attempt) {
                return;
            }
            if (attempt.client == null) {
                attempt.lostEarly = cause;
                return;
            }
            current = null;
            failuresInARow++;
            tracker.sessionLost(attempt.session, cause);
        }
        schedule();
    }

    private boolean waitUnlessStopped(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    /** One session: its number in the tracker, and its listener. */
    private final class Attempt implements AmiClientListener {
        final long session;
        volatile AmiClient client;
        volatile String lostEarly;

        Attempt(long session) {
            this.session = session;
        }

        @Override
        public void onEvent(AmiEvent event) {
            tracker.onEvent(session, event);
        }

        @Override
        public void onDisconnect(AmiException cause) {
            lost(this, cause.getMessage());
        }
    }
}
