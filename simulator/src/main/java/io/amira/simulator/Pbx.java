package io.amira.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The call model: channels, dialplan execution, queues and the AstDB, all driven by one scheduler
 * thread, so events of every call come out in a single order (per-channel order included).
 */
final class Pbx {
    private static final Logger LOG = Logger.getLogger(Pbx.class.getName());

    private final ScheduledExecutorService loop;
    private volatile Thread loopThread;
    private final SessionRegistry sessions;
    final Dialplan dialplan;
    final DialplanRunner runner;
    final UpChannels upChannels = new UpChannels(this);
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, Bridge> bridges = new LinkedHashMap<>();
    final Map<String, CallQueue> queues = new LinkedHashMap<>();
    private final DeviceUse devices = new DeviceUse();
    /** Set when a queue member's device state, InCall or call count may have changed in this task. */
    private boolean membersChanged;
    final Map<String, String> globals = new HashMap<>();
    final Map<String, String> astdb = new TreeMap<>();
    private int uniqueSeq;
    private int localSeq;
    long callsProcessed;
    /** Stretches Wait() and Playback() (config waitScale). */
    final double waitScale;

    Pbx(SimulatorConfig config, SessionRegistry sessions) {
        this.sessions = sessions;
        this.dialplan = config.dialplan;
        this.waitScale = config.waitScale;
        this.runner = new DialplanRunner(this);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amira-sim-pbx");
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        long now = System.currentTimeMillis() / 1000;
        for (String[] q : config.queues) {
            CallQueue queue = new CallQueue(q[0], q[1]);
            for (int i = 2; i < q.length; i++) {
                int eq = q[i].indexOf('=');
                String member = eq < 0 ? q[i] : q[i].substring(0, eq);
                String iface = eq < 0 ? q[i] : q[i].substring(eq + 1);
                QueueMember m = new QueueMember(member, iface, "static", now, interfaceExists(iface));
                m.announced(this);
                queue.members.add(m);
            }
            queues.put(queue.name, queue);
        }
        upChannels.create(config.upChannels, false);
    }

    // ---- threading -----------------------------------------------------------------------------

    /**
     * Runs on the PBX thread and returns the result (directly when already on it). Like every PBX
     * task it ends with the state and the events published agreeing (see {@link #endOfTask()}).
     */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == loopThread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(() -> {
                try {
                    return task.call();
                } finally {
                    endOfTask();
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the simulator's PBX thread", e);
        } catch (CancellationException | RejectedExecutionException e) {
            throw new IllegalStateException("the simulator is closing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator PBX task failed: " + e.getCause(), e.getCause());
        }
    }

    void execute(Runnable task) {
        loop.execute(guard(task));
    }

    ScheduledFuture<?> later(Runnable task, long millis) {
        return loop.schedule(guard(task), millis, TimeUnit.MILLISECONDS);
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sim.pbx task failed", e);
            } finally {
                endOfTask();
            }
        };
    }

    /**
     * Every PBX task ends here: a queue member whose Status, InCall or CallsTaken changed during the
     * task is announced (QueueMemberStatus) before any other task, a list snapshot included, can
     * run. So every list answer agrees with the events each session received before it.
     */
    private void endOfTask() {
        if (!membersChanged) {
            return;
        }
        membersChanged = false;
        for (CallQueue q : queues.values()) {
            for (QueueMember m : q.members) {
                if (m.changedSinceAnnounced(this)) {
                    publish(EventClass.AGENT, m.event("QueueMemberStatus", q.name, this));
                    m.announced(this);
                }
            }
        }
    }

    void membersChanged() {
        membersChanged = true;
    }

    /** A restart: every channel disappears, queue callers too (nobody is connected to hear about it). */
    void hangupAll() {
        call(() -> {
            for (Channel c : liveChannels()) {
                hangup(c, HangupCause.NORMAL, false);
            }
            return null;
        });
    }

    void shutdown() {
        for (Runnable pending : loop.shutdownNow()) {
            if (pending instanceof Future) {
                // Unblocks an action thread waiting in call().
                ((Future<?>) pending).cancel(false);
            }
        }
    }

    // ---- events --------------------------------------------------------------------------------

    void publish(int category, Packet event) {
        sessions.publish(category, event);
    }

    // ---- channels ------------------------------------------------------------------------------

    String nextLocalId() {
        return String.format(Locale.ROOT, "%08x", localSeq++);
    }

    Channel newChannel(String name, String linkedid, String device, String context, String exten) {
        return newChannel(name, null, linkedid, device, context, exten);
    }

    /** uniqueid null: Asterisk's own form, epoch seconds "." sequence. */
    Channel newChannel(String name, String uniqueid, String linkedid, String device, String context, String exten) {
        String uid = uniqueid != null && !uniqueid.isEmpty() ? uniqueid
                : (System.currentTimeMillis() / 1000) + "." + uniqueSeq++;
        Channel c = new Channel(name, uid, linkedid, device, context, exten);
        channels.put(name, c);
        if (device != null && devices.add(device)) {
            membersChanged = true;
        }
        return c;
    }

    private void remove(Channel c) {
        channels.remove(c.name);
        if (c.device != null && devices.remove(c.device)) {
            membersChanged = true;
        }
    }

    boolean deviceInUse(String device) {
        return devices.inUse(device);
    }

    /** A DeviceStateChange for a channel's device, with the device's state now (INUSE while any channel uses it). */
    void publishDeviceState(Channel c) {
        if (c.device != null) {
            publish(EventClass.CALL, ChannelEvents.deviceState(c.device, devices.state(c.device)));
        }
    }

    /** False for a Local interface whose extension the dialplan lacks (Asterisk: device state INVALID). */
    boolean interfaceExists(String iface) {
        if (!iface.regionMatches(true, 0, "Local/", 0, 6)) {
            return true;
        }
        String dest = iface.substring(6);
        int at = dest.indexOf('@');
        return dialplan.exists(at < 0 ? "default" : dest.substring(at + 1), at < 0 ? dest : dest.substring(0, at));
    }

    /** Exact name, case-insensitive, as ast_channel_get_by_name. */
    Channel find(String name) {
        Channel c = channels.get(name);
        if (c != null) {
            return c;
        }
        for (Channel ch : channels.values()) {
            if (ch.name.equalsIgnoreCase(name)) {
                return ch;
            }
        }
        return null;
    }

    List<Channel> liveChannels() {
        return new ArrayList<>(channels.values());
    }

    void answer(Channel c) {
        if (c.state == 6 || c.hungUp) {
            return;
        }
        c.state = 6;
        c.answeredMillis = System.currentTimeMillis();
        publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, c));
        Channel.DialObserver o = c.observer;
        if (o != null) {
            c.observer = null;
            o.answered();
        }
    }

    void ringing(Channel c) {
        if (c.observer != null) {
            c.observer.ringing();
        }
    }

    void refuse(Channel c, int reason, int cause, String dialStatus) {
        Channel.DialObserver o = c.observer;
        if (o != null) {
            c.observer = null;
            o.failed(reason, cause, dialStatus);
        } else {
            c.timer = later(() -> hangup(c, cause, false), 2000);
        }
    }

    void setVariable(Channel c, String name, String value) {
        if (c == null) {
            globals.put(name, value);
            return;
        }
        c.variables.put(name, value);
        publish(EventClass.DIALPLAN, ChannelEvents.varSet(c, name, value));
    }

    /**
     * Hangs up a channel and the other half of its Local pair, in the order of transcript 06:
     * SoftHangupRequest, the h extension, HangupRequest of the peer, Hangup, Cdr, Cdr, Hangup of the
     * peer, DeviceStateChange. A channel in a bridge leaves it (BridgeLeave) just before its Hangup;
     * the party it leaves alone is released after.
     */
    void hangup(Channel c, int cause, boolean soft) {
        if (c == null || c.hungUp) {
            return;
        }
        Channel peer = c.localPeer != null && !c.localPeer.hungUp ? c.localPeer : null;
        c.hungUp = true;
        c.cancelTimers();
        if (peer != null) {
            peer.hungUp = true;
            peer.cancelTimers();
        }
        if (soft) {
            publish(EventClass.CALL, ChannelEvents.hangup("SoftHangupRequest", c, cause, false));
        }
        runner.runHangupExtension(c);
        if (peer != null) {
            publish(EventClass.CALL, ChannelEvents.hangup("HangupRequest", peer, cause, false));
        }
        long end = System.currentTimeMillis();
        Bridge left = depart(c);
        publish(EventClass.CALL, ChannelEvents.hangup("Hangup", c, cause, true));
        publish(EventClass.CDR, ChannelEvents.cdr(c, null, end));
        remove(c);
        Bridge peerLeft = null;
        if (peer != null) {
            peerLeft = depart(peer);
            publish(EventClass.CDR, ChannelEvents.cdr(peer, null, end));
            publish(EventClass.CALL, ChannelEvents.hangup("Hangup", peer, cause, true));
            remove(peer);
        }
        publishDeviceState(c);
        if (peer != null) {
            publishDeviceState(c);
        }
        callsProcessed++;
        for (Channel x : peer == null ? List.of(c) : List.of(c, peer)) {
            Channel.DialObserver o = x.observer;
            if (o != null) {
                x.observer = null;
                o.failed(1, cause, "CANCEL");
            }
        }
        released(left, false);
        released(peerLeft, false);
    }

    /** A channel about to go: queue bookkeeping, then it leaves its bridge. Returns the bridge it left, if any. */
    private Bridge depart(Channel x) {
        QueueCall qc = x.queueCall;
        if (qc != null) {
            x.queueCall = null;
            qc.departing(x);
        }
        Bridge b = x.bridge;
        leaveBridge(x);
        return b;
    }

    // ---- bridges -------------------------------------------------------------------------------

    /** A basic bridge of the two channels: BridgeCreate, then BridgeEnter of each, in the order given. */
    Bridge bridge(Channel first, Channel second, Consumer<List<Channel>> onBroken) {
        Bridge b = new Bridge(onBroken);
        bridges.put(b.id, b);
        publish(EventClass.CALL, ChannelEvents.bridge("BridgeCreate", b, null));
        for (Channel c : List.of(first, second)) {
            b.channels.add(c);
            c.bridge = b;
            publish(EventClass.CALL, ChannelEvents.bridge("BridgeEnter", b, c));
        }
        return b;
    }

    void leaveBridge(Channel c) {
        Bridge b = c.bridge;
        if (b == null) {
            return;
        }
        b.channels.remove(c);
        c.bridge = null;
        publish(EventClass.CALL, ChannelEvents.bridge("BridgeLeave", b, c));
    }

    /**
     * After a channel left a two-party bridge: the party left alone leaves it too, its owner (the
     * queue) decides what becomes of that party, and the empty bridge is destroyed, after that
     * party's fate (its hangup) as Asterisk does, or before it when {@code destroyFirst} (an agent
     * redirected out of a queue bridge: recordings/queue-redirect-agent).
     */
    void released(Bridge b, boolean destroyFirst) {
        if (b == null || !bridges.containsKey(b.id)) {
            return;
        }
        List<Channel> alone = new ArrayList<>(b.channels);
        for (Channel c : alone) {
            leaveBridge(c);
        }
        if (destroyFirst) {
            destroy(b);
        }
        b.onBroken.accept(alone);
        if (!destroyFirst) {
            destroy(b);
        }
    }

    private void destroy(Bridge b) {
        bridges.remove(b.id);
        publish(EventClass.CALL, ChannelEvents.bridge("BridgeDestroy", b, null));
    }

}
