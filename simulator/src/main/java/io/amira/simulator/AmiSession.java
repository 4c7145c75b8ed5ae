package io.amira.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/** One AMI connection: reads actions, keeps the login state, event mask and filters, writes through its writer. */
final class AmiSession implements Runnable {
    static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = Logger.getLogger(AmiSession.class.getName());
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Socket socket;
    private final AmiSimulator sim;
    final SessionWriter writer;
    private final String peer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean unauthenticatedCounted = new AtomicBoolean(true);
    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    // Asterisk writes an action's response from the action itself and queues events for the
    // session loop, so the acting session gets the events the action raised after its response.
    private final Object eventHold = new Object();
    private List<byte[]> heldEvents;

    volatile boolean authenticated;
    volatile UserAccount user;
    volatile int readPerm;
    volatile int writePerm;
    volatile int eventMask = EventClass.ALL;
    /** Set by Logoff or a failed login: later actions in the same read are ignored. */
    volatile boolean ending;
    String challenge;

    private static final class Filter {
        final Pattern pattern;
        final boolean exclude;

        Filter(Pattern pattern, boolean exclude) {
            this.pattern = pattern;
            this.exclude = exclude;
        }
    }

    AmiSession(Socket socket, AmiSimulator sim) throws IOException {
        this.socket = socket;
        this.sim = sim;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        this.writer = new SessionWriter(this, socket.getOutputStream(), sim.faults);
    }

    long id() {
        return id;
    }

    String peer() {
        return peer;
    }

    Socket socket() {
        return socket;
    }

    AmiSimulator simulator() {
        return sim;
    }

    @Override
    public void run() {
        LOG.info(() -> "sim.session " + id + " open peer=" + peer);
        try {
            if (socket instanceof SSLSocket) {
                // Handshake here: on the writer thread it would count as a blocked write.
                ((SSLSocket) socket).startHandshake();
            }
            Thread w = new Thread(writer, "amira-sim-writer-" + id);
            w.setDaemon(true);
            w.start();
            InputStream in = socket.getInputStream();
            writer.enqueue(BANNER);
            byte[] buf = new byte[16 * 1024];
            ActionDecoder decoder = new ActionDecoder(peer);
            while (!ending && !closed.get()) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                while (sim.faults.hung && !closed.get()) {
                    Thread.sleep(10);
                }
                decoder.decode(buf, 0, n, this::onAction);
            }
        } catch (IOException e) {
            LOG.fine(() -> "sim.session " + id + " read ended: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!ending) {
                close();
            }
        }
    }

    private void onAction(Packet action) {
        if (ending || closed.get()) {
            return;
        }
        String name = action.get("Action");
        sim.counters.action(name);
        LOG.fine(() -> "sim.action session=" + id + " user=" + (user == null ? "-" : user.name) + " action=" + name
                + " actionId=" + action.get("ActionID"));
        long delay = sim.faults.responseDelayNanos;
        if (delay > 0) {
            try {
                Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        beginAction();
        try {
            sim.dispatcher.dispatch(this, action);
        } finally {
            endAction();
        }
    }

    private void beginAction() {
        synchronized (eventHold) {
            heldEvents = new ArrayList<>();
        }
    }

    private void endAction() {
        synchronized (eventHold) {
            List<byte[]> held = heldEvents;
            heldEvents = null;
            for (byte[] b : held) {
                writer.enqueue(b);
            }
        }
    }

    /** Queues an event, after the response of the action being handled, if any. */
    void deliverEvent(byte[] event) {
        synchronized (eventHold) {
            if (heldEvents != null) {
                heldEvents.add(event);
            } else {
                writer.enqueue(event);
            }
        }
    }

    // ---- replies -------------------------------------------------------------------------------

    void send(Packet packet) {
        writer.enqueue(packet.encode());
    }

    void sendRaw(byte[] bytes) {
        writer.enqueue(bytes);
    }

    /** Queues a reply the writer encodes as it writes it (a list, a long Command output). */
    void sendReply(ReplyStream reply) {
        writer.enqueue(reply);
    }

    /**
     * On the PBX thread, in the task that took the snapshot: queues a list answer behind every
     * event already published to this session (those held back while the action runs included)
     * and before any event published after. So the answer shows exactly the state those events
     * describe, whatever else happens meanwhile.
     */
    void sendSnapshot(ReplyStream reply) {
        synchronized (eventHold) {
            if (heldEvents != null) {
                for (byte[] b : heldEvents) {
                    writer.enqueue(b);
                }
                heldEvents.clear();
            }
            writer.enqueue(reply);
        }
    }

    void ack(Packet action, String message) {
        send(Packet.response("Success", action.get("ActionID")).add("Message", message));
    }

    void error(Packet action, String message) {
        send(Packet.response("Error", action.get("ActionID")).add("Message", message));
    }

    /** Writes what is queued, then closes (Logoff, failed login). */
    void endAfterReplies() {
        ending = true;
        writer.closeWhenDrained();
    }

    // ---- login state ---------------------------------------------------------------------------

    void loggedIn(UserAccount account) {
        this.user = account;
        this.readPerm = account.readPerm;
        this.writePerm = account.writePerm;
        this.authenticated = true;
        if (unauthenticatedCounted.compareAndSet(true, false)) {
            sim.sessions.unauthenticatedDone();
        }
    }

    // ---- events --------------------------------------------------------------------------------

    boolean accepts(int category, Packet event) {
        if (!authenticated || closed.get() || ending) {
            return false;
        }
        if ((readPerm & category) != category || (eventMask & category) != category) {
            return false;
        }
        if (filters.isEmpty()) {
            return true;
        }
        String text = event.text();
        boolean hasInclude = false;
        boolean included = false;
        for (Filter f : filters) {
            boolean found = f.pattern.matcher(text).find();
            if (f.exclude && found) {
                return false;
            }
            if (!f.exclude) {
                hasInclude = true;
                included |= found;
            }
        }
        return !hasInclude || included;
    }

    void addFilter(Pattern pattern, boolean exclude) {
        filters.add(new Filter(pattern, exclude));
    }

    // ---- life cycle ----------------------------------------------------------------------------

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ending = true;
        writer.close();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> "sim.session " + id + " close: " + e);
        }
        if (unauthenticatedCounted.compareAndSet(true, false)) {
            sim.sessions.unauthenticatedDone();
        }
        sim.sessions.remove(this);
        LOG.info(() -> "sim.session " + id + " closed peer=" + peer + " user=" + (user == null ? "-" : user.name));
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "session " + id + " " + peer;
    }
}
