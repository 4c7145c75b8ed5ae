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
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, CallQueue> queues = new LinkedHashMap<>();
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
                queue.members.add(new QueueMember(member, iface, "static", now));
            }
            queues.put(queue.name, queue);
        }
    }

    // ---- threading -----------------------------------------------------------------------------

    /** Runs on the PBX thread and returns the result (directly when already on it). */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == loopThread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(task).get();
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

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sim.pbx task failed", e);
            }
        };
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
        return c;
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
     * peer, DeviceStateChange.
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
        for (Channel x : peer == null ? List.of(c) : List.of(c, peer)) {
            if (x.queueCall != null) {
                x.queueCall.beforeHangup(x);
            }
        }
        runner.runHangupExtension(c);
        if (peer != null) {
            publish(EventClass.CALL, ChannelEvents.hangup("HangupRequest", peer, cause, false));
        }
        long end = System.currentTimeMillis();
        publish(EventClass.CALL, ChannelEvents.hangup("Hangup", c, cause, true));
        publish(EventClass.CDR, ChannelEvents.cdr(c, null, end));
        channels.remove(c.name);
        if (peer != null) {
            publish(EventClass.CDR, ChannelEvents.cdr(peer, null, end));
            publish(EventClass.CALL, ChannelEvents.hangup("Hangup", peer, cause, true));
            channels.remove(peer.name);
        }
        if (c.device != null) {
            publish(EventClass.CALL, ChannelEvents.deviceState(c.device, "NOT_INUSE"));
            if (peer != null) {
                publish(EventClass.CALL, ChannelEvents.deviceState(c.device, "NOT_INUSE"));
            }
        }
        callsProcessed++;
        for (Channel x : peer == null ? List.of(c) : List.of(c, peer)) {
            Channel.DialObserver o = x.observer;
            if (o != null) {
                x.observer = null;
                o.failed(1, cause, "CANCEL");
            }
            if (x.queueCall != null) {
                QueueCall qc = x.queueCall;
                x.queueCall = null;
                qc.channelGone(x);
            }
        }
    }

    boolean deviceInUse(String device) {
        for (Channel c : channels.values()) {
            if (device.equalsIgnoreCase(c.device)) {
                return true;
            }
        }
        return false;
    }
}
