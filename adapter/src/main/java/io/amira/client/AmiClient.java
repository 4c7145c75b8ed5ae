package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import io.amira.protocol.AmiEncoder;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One logged-in AMI session over TCP or TLS. Thread-safe: any number of threads send actions at
 * once, pipelined on the one socket, each answer matched to its caller by a per-connection ActionID.
 * One reading task reads the socket, completes answers and hands other events to the
 * {@link AmiClientListener}; it also expires actions and sends keepalive Pings, so the session uses
 * no other thread. Plain Java gives it a thread of its own; inside the container the WorkManager
 * runs it.
 *
 * <p>Futures returned by {@link #sendAsync} and {@link #sendAndAwaitEvent} complete on the reading
 * thread: attach only non-blocking callbacks, or use the {@code ...Async} stages with your executor.
 */
public final class AmiClient implements AutoCloseable {

    /** The reader's socket read timeout: how often, at the least, it expires actions and checks keepalive. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration LOGOFF_TIMEOUT = Duration.ofSeconds(1);
    private static final long READER_END_TIMEOUT_MILLIS = 2000;
    private static final AmiClientListener NO_LISTENER = event -> { };
    private static final AmiAction PING = AmiAction.of("Ping");

    private final AmiClientConfig config;
    private final String server;
    private final AmiClientListener listener;
    private final Socket socket;
    private final ActionWriter writer;
    private final PendingActions pending = new PendingActions();
    private final SessionReader reader;
    private final Keepalive keepalive;
    private final AtomicBoolean dead = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile boolean loggedIn;
    /** Callers blocked in send(): when there are some, answers will wake them to queue more actions. */
    private final AtomicInteger waitingCallers = new AtomicInteger();
    /** When the server was last heard from, as of the reader's last tick: for {@link #checkAlive} on other threads. */
    private volatile long lastHeardNanos = System.nanoTime();
    private final Object aliveCheckLock = new Object();
    /** The running {@link #checkAlive} Ping, shared by checks made meanwhile; guarded by aliveCheckLock. */
    private CompletableFuture<Boolean> aliveCheck;

    private AmiClient(AmiClientConfig config, AmiClientListener listener, Socket socket) throws IOException {
        this.config = config;
        this.server = config.server();
        this.listener = listener == null ? NO_LISTENER : listener;
        this.socket = socket;
        socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(TICK_NANOS));
        this.writer = new ActionWriter(socket.getOutputStream());
        this.reader = new SessionReader(this, socket.getInputStream(), pending, this.listener, TICK_NANOS,
                config.maxAnswerBytes());
        this.keepalive = new Keepalive(this, config.keepAliveInterval().toNanos(), config.keepAliveTimeout().toNanos());
    }

    /**
     * Connects, logs in and starts reading on a thread of its own: the way to use the client from
     * plain Java. The thread, a daemon named {@code amira-ami-reader-host:port}, is the session's
     * only one; it ends when the session does. {@code listener} may be null when events are of no
     * interest.
     *
     * @throws io.amira.api.AmiAuthenticationException when Asterisk refuses the username or secret
     * @throws io.amira.api.AmiConnectException when the server cannot be reached, the TLS handshake fails
     *         or the whole connect (TCP, TLS, Challenge, Login) takes longer than the connect timeout
     */
    public static AmiClient connect(AmiClientConfig config, AmiClientListener listener) throws AmiException {
        return connect(config, listener, task -> {
            Thread thread = new Thread(task, "amira-ami-reader-" + config.server());
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * As {@link #connect(AmiClientConfig, AmiClientListener)}, with the long-lived reading task run
     * by {@code readerExecutor} (inside the container: the WorkManager).
     */
    public static AmiClient connect(AmiClientConfig config, AmiClientListener listener, Executor readerExecutor)
            throws AmiException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(readerExecutor, "readerExecutor");
        SSLSocketFactory tls = SocketOpener.tlsFactory(config);
        ConnectDeadline deadline = ConnectDeadline.start(config);
        Socket socket = SocketOpener.open(config, tls, deadline);
        AmiClient client;
        try {
            client = new AmiClient(config, listener, socket);
        } catch (IOException e) {
            SocketOpener.closeQuietly(socket);
            throw new AmiConnectException("Cannot set up the AMI session to " + config.server() + ": " + e, e);
        }
        client.startReader(readerExecutor);
        try {
            client.awaitReaderStart(readerExecutor, deadline);
            Login.perform(client, config, deadline);
        } catch (AmiException | RuntimeException e) {
            client.closeRequested.set(true);
            client.connectionLost("login did not succeed", null);
            if (client.reader.hasStarted()) {
                client.awaitReaderEnd();
            }
            throw e;
        }
        client.loggedIn = true;
        ClientLog.LOGGED_IN.log(client.server, config.username(), client.reader.banner());
        return client;
    }

    private void startReader(Executor readerExecutor) throws AmiException {
        try {
            readerExecutor.execute(reader);
        } catch (RejectedExecutionException e) {
            SocketOpener.closeQuietly(socket);
            throw new AmiConnectException("Cannot start reading the AMI session to " + server
                    + ": the executor refused the reading task (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Waits, within the connect's deadline, for the reading task to run: an executor out of threads
     * may queue it silently, and the login would then wait for an answer nobody reads.
     */
    private void awaitReaderStart(Executor readerExecutor, ConnectDeadline deadline) throws AmiConnectException {
        long timeoutMillis = config.connectTimeout().toMillis();
        boolean started;
        try {
            started = reader.awaitStart(deadline.remainingFor("starting the reading task").toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started) {
            throw new AmiConnectException("Cannot log in to " + server + ": the task that reads the session did not"
                    + " start within " + timeoutMillis + " ms (the connect timeout): " + readerExecutor
                    + " has no thread free for it");
        }
    }

    /** Sends the action and waits for its answer, up to the configured action timeout. */
    public AmiResponse send(AmiAction action) throws AmiException {
        return send(action, config.actionTimeout());
    }

    /**
     * Sends the action and waits for its whole answer (for list actions, up to the closing event).
     *
     * @throws io.amira.api.AmiActionFailedException Asterisk answered {@code Response: Error}
     * @throws io.amira.api.AmiPermissionDeniedException Asterisk answered {@code Permission denied}
     * @throws io.amira.api.AmiTimeoutException no complete answer within {@code timeout}
     * @throws AmiConnectionLostException the session died or was closed first
     * @throws io.amira.api.InvalidHeaderException (unchecked) a header holds CR or LF, or is too long;
     *         nothing was written
     */
    public AmiResponse send(AmiAction action, Duration timeout) throws AmiException {
        if (reader.isReadingThread()) {
            throw new IllegalStateException("send(" + action.name() + ") called on the reading thread of " + server
                    + " (from a listener) would wait for itself: use sendAsync there");
        }
        PendingCall call = new PendingCall(pending.nextActionId(), action.name(), server, timeoutNanos(timeout));
        submit(action, call);
        Object outcome;
        waitingCallers.incrementAndGet();
        try {
            outcome = call.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmiException("Interrupted while waiting for the answer: " + call.describe());
        } finally {
            waitingCallers.decrementAndGet();
        }
        if (outcome == null) {
            if (pending.remove(call)) {
                call.expire();
            }
            // Either the timeout just set, or the answer or loss that won the race with it.
            outcome = call.settledOutcome();
        }
        if (outcome instanceof AmiResponse) {
            return (AmiResponse) outcome;
        }
        throw (AmiException) outcome;
    }

    /** {@link #sendAsync(AmiAction, Duration)} with the configured default action timeout. */
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action) {
        return sendAsync(action, null);
    }

    /**
     * Sends the action; the future completes with its answer, or exceptionally with the exceptions
     * {@link #send(AmiAction, Duration)} throws. {@code timeout} null means the default.
     *
     * @throws io.amira.api.InvalidHeaderException (unchecked, at once) nothing was written
     */
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout) {
        PendingResponse pendingResponse = new PendingResponse(pending.nextActionId(), action.name(), server,
                timeoutNanos(timeout));
        submit(action, pendingResponse);
        return pendingResponse.future;
    }

    /**
     * Sends several actions with one socket write (e.g. many QueueAdd at once); the futures, in the
     * same order, complete as {@link #sendAsync(AmiAction, Duration)}'s do. Every action is encoded
     * before anything is registered or written, so one invalid header refuses the whole batch.
     *
     * @throws io.amira.api.InvalidHeaderException (unchecked, at once) nothing was written
     */
    public List<CompletableFuture<AmiResponse>> sendAllAsync(List<AmiAction> actions, Duration timeout) {
        long timeoutNanos = timeoutNanos(timeout);
        int count = actions.size();
        PendingResponse[] batch = new PendingResponse[count];
        byte[][] packets = new byte[count][];
        int length = 0;
        for (int i = 0; i < count; i++) {
            AmiAction action = actions.get(i);
            batch[i] = new PendingResponse(pending.nextActionId(), action.name(), server, timeoutNanos);
            packets[i] = AmiEncoder.encode(action, batch[i].actionId);
            length += packets[i].length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] packet : packets) {
            System.arraycopy(packet, 0, joined, at, packet.length);
            at += packet.length;
        }
        List<CompletableFuture<AmiResponse>> futures = new ArrayList<>(count);
        for (PendingResponse pendingResponse : batch) {
            futures.add(pendingResponse.future);
        }
        submit(joined, batch);
        return futures;
    }

    /**
     * Sends the action and completes with the first event named {@code eventName} that carries its
     * ActionID — e.g. an async Originate's {@code OriginateResponse}. The waiter is registered before
     * the action is written, so an event racing ahead of the response is not missed. The session must
     * receive the event's class (login {@code Events} on or a mask including it). An Error response
     * fails the future; {@code timeout} (null: the default) covers response and event together.
     */
    public CompletableFuture<AmiEvent> sendAndAwaitEventAsync(AmiAction action, String eventName, Duration timeout) {
        Objects.requireNonNull(eventName, "eventName");
        PendingEvent pendingEvent = new PendingEvent(pending.nextActionId(), action.name(), server,
                timeoutNanos(timeout), eventName);
        submit(action, pendingEvent);
        return pendingEvent.future;
    }

    /**
     * As {@link #sendAndAwaitEventAsync}, waiting for the event.
     *
     * @throws io.amira.api.AmiActionFailedException Asterisk answered {@code Response: Error}
     * @throws io.amira.api.AmiTimeoutException no response and event within {@code timeout}
     * @throws AmiConnectionLostException the session died first
     */
    public AmiEvent sendAndAwaitEvent(AmiAction action, String eventName, Duration timeout) throws AmiException {
        return Futures.await(sendAndAwaitEventAsync(action, eventName, timeout));
    }

    private void submit(AmiAction action, PendingAction pendingAction) {
        submit(AmiEncoder.encode(action, pendingAction.actionId), pendingAction);
    }

    /** Registers the actions, then writes their encoded bytes (one packet or several joined). */
    private void submit(byte[] packet, PendingAction... actions) {
        if (dead.get()) {
            String reason = closeRequested.get() ? "the client was closed" : "the session is dead";
            for (PendingAction action : actions) {
                action.fail(lost(action, reason, null));
            }
            return;
        }
        for (PendingAction action : actions) {
            pending.add(action);
        }
        // connectionLost() sets dead before failing the map: re-check so actions added meanwhile fail too.
        if (dead.get()) {
            for (PendingAction action : actions) {
                if (pending.remove(action)) {
                    action.fail(lost(action, "the session died", null));
                }
            }
            return;
        }
        try {
            // Other callers wait in send(): answers arriving now wake them to queue their next actions,
            // so the write may wait a yield for them. A lone (e.g. asynchronous) sender never yields.
            writer.write(packet, waitingCallers.get() > 0);
        } catch (IOException e) {
            connectionLost("writing to the socket failed: " + e, e);
        }
    }

    private long timeoutNanos(Duration timeout) {
        Duration effective = timeout == null ? config.actionTimeout() : timeout;
        if (effective.isNegative() || effective.isZero()) {
            throw new IllegalArgumentException("An action timeout must be positive, not " + effective);
        }
        return effective.toNanos();
    }

    private AmiConnectionLostException lost(PendingAction action, String reason, Throwable cause) {
        return new AmiConnectionLostException(action.describe() + " failed: the connection to " + server
                + " is gone (" + reason + "); the action may or may not have run. Connect again to continue.", cause);
    }

    /**
     * Checks, without blocking, that the server still answers. The future completes true when it
     * answers a Ping within {@code timeout} (at once when it sent anything within the last
     * {@code timeout}), false when the session is or becomes dead. A Ping left unanswered for
     * {@code timeout} ends the session as a missed keepalive does: pending actions fail and the
     * listener's onDisconnect is called. Checks made while one runs share its Ping.
     */
    public CompletableFuture<Boolean> checkAlive(Duration timeout) {
        long timeoutNanos = timeoutNanos(timeout);
        if (!isConnected()) {
            return CompletableFuture.completedFuture(false);
        }
        if (silence().toNanos() < timeoutNanos) {
            return CompletableFuture.completedFuture(true);
        }
        synchronized (aliveCheckLock) {
            if (aliveCheck == null || aliveCheck.isDone()) {
                aliveCheck = sendAsync(PING, timeout).handle((pong, failure) -> answered(failure, timeoutNanos));
            }
            return aliveCheck;
        }
    }

    /** How long the server has sent nothing, as of the reader's last tick (every 50 ms at the least). */
    public Duration silence() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - lastHeardNanos));
    }

    /** Whether a check's Ping proved the server alive; an unanswered one ends the session. */
    private boolean answered(Throwable failure, long timeoutNanos) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause == null) {
            lastHeardNanos = System.nanoTime(); // on the reading thread, like the tick's update
        }
        if (cause instanceof AmiTimeoutException) {
            connectionLost("no answer to a Ping within " + Durations.format(timeoutNanos)
                    + " (session check); the server or the network is not responding", null);
        }
        return !(cause instanceof AmiTimeoutException || cause instanceof AmiConnectionLostException);
    }

    /** Whether the session is logged in and its socket alive, as far as the client knows. */
    public boolean isConnected() {
        return loggedIn && !dead.get();
    }

    /** {@code host:port} of the server, as messages name it. */
    public String server() {
        return server;
    }

    /** The server's greeting line, e.g. {@code Asterisk Call Manager/11.0.0}. */
    public String banner() {
        return reader.banner();
    }

    /** Packets dropped for their size that failed no action (unsolicited events, late answers). */
    long droppedPackets() {
        return reader.droppedPackets();
    }

    /** How many actions are waiting for (the rest of) their answer. */
    public int pendingActions() {
        return pending.size();
    }

    /**
     * Logs off (waiting at most a second for Asterisk's Goodbye), closes the socket and fails what is
     * still pending with {@link AmiConnectionLostException}. The reading task ends before this returns
     * (bounded wait). Idempotent; the listener's onDisconnect is not called.
     */
    @Override
    public void close() {
        boolean onReadingThread = reader.isReadingThread();
        if (closeRequested.compareAndSet(false, true) && !dead.get()) {
            AmiAction logoff = AmiAction.of("Logoff");
            try {
                if (onReadingThread) {
                    // Called from the listener: the answer could only be read by this very thread.
                    sendAsync(logoff, LOGOFF_TIMEOUT);
                } else {
                    send(logoff, LOGOFF_TIMEOUT);
                }
            } catch (AmiException e) {
                ClientLog.LOGOFF_UNANSWERED.log(server, e.getMessage());
            }
        }
        connectionLost("the client was closed", null);
        if (!onReadingThread) {
            awaitReaderEnd();
        }
    }

    private void awaitReaderEnd() {
        try {
            if (!reader.awaitEnd(READER_END_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                ClientLog.READER_DID_NOT_END.log(server, READER_END_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- called by the reading task ---

    boolean isDead() {
        return dead.get();
    }

    void onTick(long now) {
        lastHeardNanos = reader.lastReadNanos();
        pending.expire(now);
        if (loggedIn) {
            keepalive.tick(now, reader.lastReadNanos());
        }
    }

    boolean writeStalledLongerThan(long nanos, long now) {
        return writer.stalledLongerThan(nanos, now);
    }

    /**
     * The session is over: closes the socket, fails every pending action at once and, unless the
     * client was closed, tells the listener. Only the first call counts.
     */
    void connectionLost(String reason, Throwable cause) {
        if (!dead.compareAndSet(false, true)) {
            return;
        }
        SocketOpener.closeQuietly(socket);
        boolean expected = closeRequested.get();
        String why = expected ? "the client was closed" : reason;
        pending.failAll(action -> lost(action, why, cause));
        if (!expected && loggedIn) {
            ClientLog.SESSION_LOST.log(server, reason);
            try {
                listener.onDisconnect(new AmiConnectionLostException("The AMI session to " + server + " is lost: "
                        + reason + ". Connect again to continue.", cause));
            } catch (RuntimeException e) {
                ClientLog.LISTENER_FAILED_ON_DISCONNECT.log(e, server);
            }
        }
    }

    @Override
    public String toString() {
        return "AmiClient[" + server + ", user " + config.username() + (isConnected() ? ", connected" : ", closed") + "]";
    }
}
