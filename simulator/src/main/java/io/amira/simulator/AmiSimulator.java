package io.amira.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A fake Asterisk 22 speaking AMI on 127.0.0.1, faithful to the shared transcripts, with fault
 * injection for tests. Start one per test with {@link #start()} (ephemeral port) and close it.
 */
public final class AmiSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AmiSimulator.class.getName());
    private static final int UP_CHANNEL_BATCH = 1000;
    private static final long BACKLOG_PAUSE_BYTES = 8L * 1024 * 1024;

    final SimulatorConfig config;
    final Faults faults = new Faults();
    final Counters counters = new Counters();
    final SessionRegistry sessions = new SessionRegistry();
    final ActionDispatcher dispatcher = new ActionDispatcher();
    final Pbx pbx;
    final long startMillis = System.currentTimeMillis();
    private final AmiServer server;
    private final TlsMaterial tls;
    private final ScheduledExecutorService timers;
    private volatile boolean closed;
    private volatile FloodSpec floodOnLogin;

    private AmiSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.faults.slowReaderTimeoutNanos = config.slowReaderTimeout.toNanos();
        this.tls = config.tls ? TlsMaterial.get() : null;
        this.pbx = new Pbx(config, sessions);
        new SessionActions(this).register(dispatcher);
        new CallActions(pbx).register(dispatcher);
        new ListActions(pbx).register(dispatcher);
        new QueueActions(pbx).register(dispatcher);
        new SystemActions(this, pbx).register(dispatcher);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amira-sim-timers");
            t.setDaemon(true);
            return t;
        });
        this.server = new AmiServer(InetAddress.getByName(config.bindAddress), config.port,
                tls == null ? null : tls.context, this::accept);
    }

    public static AmiSimulator start(SimulatorConfig config) throws IOException {
        AmiSimulator sim = new AmiSimulator(config);
        try {
            sim.server.listen();
        } catch (IOException e) {
            sim.close();
            throw new IOException("AMI simulator cannot listen on " + config.bindAddress + ":" + config.port + ": "
                    + e.getMessage() + ". Choose another port (0 = any free port).", e);
        }
        SlowReaderWatchdog watchdog = new SlowReaderWatchdog(sim.faults, sim.sessions);
        sim.timers.scheduleWithFixedDelay(watchdog::check, 10, 10, TimeUnit.MILLISECONDS);
        return sim;
    }

    public static AmiSimulator start() throws IOException {
        return start(SimulatorConfig.defaults());
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return config.bindAddress;
    }

    public SimulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop();
        sessions.closeAll();
        timers.shutdownNow();
        pbx.shutdown();
        LOG.info(() -> "sim.closed port=" + server.port());
    }

    // ---- TLS -----------------------------------------------------------------------------------

    /** With tls(true): the trust store holding the simulator's self-signed certificate; else null. */
    public Path trustStorePath() {
        return tls == null ? null : tls.trustStore;
    }

    public String trustStorePassword() {
        return tls == null ? null : TlsMaterial.PASSWORD;
    }

    public String trustStoreType() {
        return tls == null ? null : TlsMaterial.TYPE;
    }

    // ---- counters ------------------------------------------------------------------------------

    public int activeSessions() {
        return sessions.size();
    }

    public long sessionsAccepted() {
        return counters.sessionsAccepted.get();
    }

    public long logins() {
        return counters.logins.get();
    }

    public long actionsReceived() {
        return counters.actions.sum();
    }

    public long actionsReceived(String actionName) {
        return counters.actions(actionName);
    }

    /** Live channels (both halves of a Local pair count). */
    public int channelCount() {
        return pbx.call(() -> pbx.channels.size());
    }

    /** Live bridges. */
    public int bridgeCount() {
        return pbx.call(() -> pbx.bridges.size());
    }

    // ---- load ----------------------------------------------------------------------------------

    /**
     * Adds {@code count} channels up in Echo() ({@code PJSIP/phone000001-0000002a}, having called
     * 400@demo), each announced by its events to the sessions that may read them; returns once all
     * exist. Made in batches that wait for slow readers' backlogs, so 200,000 do not overflow a
     * session reading events. E.g. addUpChannels(200_000) for a CoreShowChannels of 200,000 items.
     */
    public void addUpChannels(int count) throws InterruptedException {
        for (int left = count; left > 0; left -= UP_CHANNEL_BATCH) {
            int batch = Math.min(UP_CHANNEL_BATCH, left);
            pbx.call(() -> {
                pbx.upChannels.create(batch, true);
                return null;
            });
            sessions.awaitBacklogBelow(BACKLOG_PAUSE_BYTES, Duration.ofSeconds(10));
        }
    }

    // ---- faults --------------------------------------------------------------------------------

    /** Closes every session at once, as a crash or a network cut would. */
    public void dropAllConnections() {
        LOG.info("sim.fault drop-all-connections");
        sessions.closeAll();
    }

    /** A restart: drops every session, refuses connections (nothing listens) for a while, then accepts again. */
    public void refuseConnections(Duration forHowLong) {
        LOG.info(() -> "sim.fault refuse-connections for " + forHowLong);
        server.stop();
        sessions.closeAll();
        pbx.hangupAll();
        timers.schedule(() -> {
            if (!closed) {
                startListening();
            }
        }, forHowLong.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the listening socket; sessions already open go on. */
    public void stopListening() {
        server.stop();
    }

    /** Listens again on the same port. */
    public void startListening() {
        try {
            server.listen();
        } catch (IOException e) {
            throw new IllegalStateException("AMI simulator cannot listen again on port " + server.port() + ": " + e.getMessage(), e);
        }
    }

    /** A hung server: every session stops reading and writing (sockets stay open) until hang(false). */
    public void hang(boolean hung) {
        LOG.info(() -> "sim.fault hang=" + hung);
        faults.hung = hung;
        for (AmiSession s : sessions.all()) {
            s.writer.wake();
        }
    }

    /** Every action waits this long before it is handled; Duration.ZERO = off. */
    public void delayResponses(Duration delay) {
        LOG.info(() -> "sim.fault delay-responses " + delay);
        faults.responseDelayNanos = delay.toNanos();
    }

    /** Writes these bytes to every session now, between packets. */
    public void injectGarbage(byte[] bytes) {
        LOG.info(() -> "sim.fault garbage bytes=" + bytes.length);
        for (AmiSession s : sessions.all()) {
            s.sendRaw(bytes.clone());
        }
    }

    /** Cuts every write into random pieces of 1..maxChunkBytes bytes; 0 = off. */
    public void splitWrites(int maxChunkBytes) {
        LOG.info(() -> "sim.fault split-writes max=" + maxChunkBytes);
        faults.splitWrites = Math.max(0, maxChunkBytes);
    }

    /**
     * Sends every logged-in session (whatever its event mask) an event with one header line of
     * exactly {@code length} bytes (CRLF excluded), followed in the same write by
     * {@code Event: UserEvent}, {@code UserEvent: AmiraSimResync}, {@code After: OversizeLine}.
     */
    public void injectOversizeLine(int length) {
        LOG.info(() -> "sim.fault oversize-line length=" + length);
        sendToLoggedIn(InjectedPackets.oversizeLine(length));
    }

    /**
     * Sends every logged-in session (whatever its event mask) a UserEvent of {@code headers} header
     * lines in all ({@code Event}, {@code Privilege}, {@code UserEvent: Wide}, then
     * {@code Header00001: value00001}...), followed in the same write by {@code Event: UserEvent},
     * {@code UserEvent: AmiraSimResync}, {@code After: WideEvent}. E.g. injectWideEvent(10_000).
     */
    public void injectWideEvent(int headers) {
        LOG.info(() -> "sim.fault wide-event headers=" + headers);
        sendToLoggedIn(InjectedPackets.wideEvent(headers));
    }

    private void sendToLoggedIn(byte[] bytes) {
        for (AmiSession s : sessions.all()) {
            if (s.authenticated) {
                s.sendRaw(bytes);
            }
        }
    }

    /** Disconnects a session whose write blocks longer than this (Asterisk: 100 ms, the default); ZERO = off. */
    public void slowReaderTimeout(Duration timeout) {
        faults.slowReaderTimeoutNanos = timeout.toNanos();
    }

    /** Pre-encodes the event once and sends it to every session that may read it, at the spec's rate or flat out. */
    public Flood flood(FloodSpec spec) {
        return Floods.start(spec, sessions.all());
    }

    /**
     * From now on, floods every session that logs in (and may read the event) with this spec;
     * null stops doing so. Used by the command line's --flood.
     */
    public void floodEachLogin(FloodSpec spec) {
        floodOnLogin = spec;
    }

    void loggedIn(AmiSession session) {
        FloodSpec spec = floodOnLogin;
        if (spec != null) {
            Floods.start(spec, List.of(session));
        }
    }

    /**
     * Places a call as an async Originate without ActionID would, e.g. placeCall("Local/100@demo",
     * "Wait", "2"): its events go to every session that may read them.
     */
    public void placeCall(String channel, String application, String data) {
        placeCalls(1, channel, application, data);
    }

    /**
     * A call storm: places {@code count} calls at once, as that many async Originates without
     * ActionID arriving together would; they progress side by side and their events interleave
     * (see CallStormTest), e.g. placeCalls(2000, "Local/100@demo", "Wait", "2") for about 50,000
     * events in two seconds.
     */
    public void placeCalls(int count, String channel, String application, String data) {
        Packet action = new Packet().add("Action", "Originate").add("Channel", channel)
                .add("Application", application).add("Data", data).add("Async", "true");
        for (int i = 0; i < count; i++) {
            Originate o = new Originate(action, 1, 30_000);
            pbx.execute(() -> o.start(pbx));
        }
    }

    /** Sends an event to every session that may read it; the class comes from a "Privilege" entry, else "user". */
    public void emitEvent(String name, Map<String, String> headers) {
        String privilege = headers.getOrDefault("Privilege", "user,all");
        int named = EventClass.namedClasses(privilege);
        int category = named == 0 ? EventClass.USER : named;
        Packet event = Packet.event(name, EventClass.privilege(category));
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Privilege")) {
                event.add(k, v);
            }
        });
        pbx.execute(() -> sessions.publish(category, event));
    }

    // ---- internals -----------------------------------------------------------------------------

    long uptimeSeconds() {
        return (System.currentTimeMillis() - startMillis) / 1000;
    }

    private void accept(Socket socket) {
        counters.sessionsAccepted.incrementAndGet();
        AmiSession session;
        try {
            session = new AmiSession(socket, this);
        } catch (IOException e) {
            LOG.warning(() -> "sim.session cannot start: " + e);
            closeQuietly(socket);
            return;
        }
        if (closed || !sessions.add(session, config.authLimit)) {
            LOG.warning(() -> "sim.session refused peer=" + socket.getRemoteSocketAddress() + ": authlimit "
                    + config.authLimit + " reached");
            closeQuietly(socket);
            return;
        }
        long authTimeout = config.authTimeout.toMillis();
        if (authTimeout > 0) {
            timers.schedule(() -> {
                if (!session.authenticated && !session.isClosed()) {
                    LOG.info(() -> "sim.session " + session.id() + " not logged in after " + authTimeout + " ms: closing (authtimeout)");
                    session.close();
                }
            }, authTimeout, TimeUnit.MILLISECONDS);
        }
        Thread reader = new Thread(session, "amira-sim-session-" + session.id());
        reader.setDaemon(true);
        reader.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.fine(() -> "sim.session close: " + e);
        }
    }
}
