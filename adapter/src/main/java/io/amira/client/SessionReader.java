package io.amira.client;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.protocol.AmiDecoder;
import io.amira.protocol.AmiMessage;
import io.amira.protocol.AmiMessageSink;
import io.amira.protocol.DroppedPacket;

import java.io.EOFException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The session's only long-lived task: reads the socket into one buffer (small while the session is
 * quiet, up to 128 KiB under a flood), decodes it in place
 * and dispatches every packet at once — answers to the pending action with their ActionID, other
 * events to the listener. Never waits on anything but the socket. The socket's read timeout is a
 * short tick that, like every read, gives the session its chance to expire actions and keep alive.
 *
 * <p>Answer limit: every packet carrying an action's ActionID counts towards that action's answer
 * ({@link AmiMessage#countedBytes()}); once the sum passes {@code maxAnswerBytes} the action fails
 * and the rest of its answer is swallowed. A packet the decoder dropped for its size fails the
 * action whose ActionID it carried; one without a pending ActionID (an event, a late answer) is
 * counted and logged. The session goes on in every case.
 */
final class SessionReader implements Runnable, AmiMessageSink {

    /**
     * The read buffer while the session is quiet: an idle session (most of a pool) keeps only this
     * much. A read that fills the buffer makes it four times larger, up to {@link #MAX_BUFFER_SIZE};
     * a tick without any byte read makes it small again.
     */
    static final int MIN_BUFFER_SIZE = 8 * 1024;
    /** The most a socket stream read hands over at once on the JDK's NIO socket implementation. */
    static final int MAX_BUFFER_SIZE = 128 * 1024;

    private final AmiClient client;
    private final InputStream in;
    private final AmiDecoder decoder;
    private final long maxAnswerBytes;
    private final PendingActions pending;
    private final AmiClientListener listener;
    private final long tickNanos;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String banner;
    private volatile Thread thread;
    private long lastReadNanos = System.nanoTime();
    /** Actions answered by the read being decoded, whose callers are woken once it is all decoded. */
    private final ArrayList<PendingAction> answered = new ArrayList<>();
    /** Packets dropped for their size that failed no action; read by tests. */
    private volatile long droppedPackets;

    SessionReader(AmiClient client, InputStream in, PendingActions pending, AmiClientListener listener, long tickNanos,
            long maxAnswerBytes) {
        this.client = client;
        this.in = in;
        this.maxAnswerBytes = maxAnswerBytes;
        this.decoder = new AmiDecoder(client.server(), maxAnswerBytes);
        this.pending = pending;
        this.listener = listener;
        this.tickNanos = tickNanos;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        started.countDown();
        byte[] bytes = new byte[MIN_BUFFER_SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Throwable failure = null;
        try {
            long nextTick = System.nanoTime() + tickNanos;
            while (!client.isDead()) {
                int read;
                try {
                    read = in.read(bytes, 0, bytes.length);
                } catch (SocketTimeoutException tick) {
                    read = 0;
                }
                if (read < 0) {
                    throw new EOFException("the server closed the connection");
                }
                long now = System.nanoTime();
                if (read > 0) {
                    lastReadNanos = now;
                    buffer.limit(read).position(0);
                    try {
                        decoder.decode(buffer, this);
                    } finally {
                        wakeAnswered();
                    }
                    // The decoder keeps nothing of a read but a copy of a cut line: the buffer may change.
                    if (read == bytes.length && bytes.length < MAX_BUFFER_SIZE) {
                        bytes = new byte[bytes.length * 4];
                        buffer = ByteBuffer.wrap(bytes);
                    }
                } else if (bytes.length > MIN_BUFFER_SIZE) {
                    bytes = new byte[MIN_BUFFER_SIZE];
                    buffer = ByteBuffer.wrap(bytes);
                }
                if (now - nextTick >= 0) {
                    nextTick = now + tickNanos;
                    client.onTick(now);
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            client.connectionLost(reason(failure), failure);
            done.countDown();
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    private void wakeAnswered() {
        int count = answered.size();
        for (int i = 0; i < count; i++) {
            answered.get(i).wakeCaller();
        }
        answered.clear();
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "closed";
        }
        if (failure instanceof EOFException) {
            return failure.getMessage();
        }
        return failure.toString();
    }

    boolean isReadingThread() {
        return thread == Thread.currentThread();
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    String banner() {
        return banner;
    }

    long droppedPackets() {
        return droppedPackets;
    }

    boolean hasStarted() {
        return started.getCount() == 0;
    }

    /** Whether the task started running within {@code timeout}. */
    boolean awaitStart(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit);
    }

    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    @Override
    public void onBanner(String banner) {
        this.banner = banner;
    }

    @Override
    public void onMessage(AmiMessage message) {
        switch (message.kind()) {
            case EVENT:
                onEvent(message);
                break;
            case RESPONSE:
                onResponse(message);
                break;
            default:
                ClientLog.NEITHER_RESPONSE_NOR_EVENT.log(client.server(), message.size());
        }
    }

    private void onResponse(AmiMessage message) {
        String actionId = message.actionId();
        PendingAction action = actionId == null ? null : pending.get(actionId);
        if (action == null) {
            ClientLog.UNMATCHED_RESPONSE.log(client.server(), actionId);
            return;
        }
        countAnswerBytes(action, message);
        action.onResponse(message);
        settle(action);
    }

    private void onEvent(AmiMessage message) {
        String actionId = message.actionId();
        if (actionId != null) {
            PendingAction action = pending.get(actionId);
            if (action != null) {
                countAnswerBytes(action, message);
                boolean partOfAnswer = action.onEvent(message);
                settle(action);
                if (partOfAnswer) {
                    return;
                }
            }
        }
        deliver(message);
    }

    /** Fails the action once the packets with its ActionID pass the answer limit. */
    private void countAnswerBytes(PendingAction action, AmiMessage message) {
        if (action.isDone()) {
            return;
        }
        action.answerBytes += message.countedBytes();
        if (action.answerBytes > maxAnswerBytes) {
            action.answerTooLarge(tooLarge(action, "its answer passed the limit of " + maxAnswerBytes + " bytes at "
                    + action.answerBytes + " bytes; the rest of it is skipped"));
        }
    }

    private void settle(PendingAction action) {
        if (action.isDone() && !action.skipsRestOfAnswer()) {
            pending.remove(action);
            answered.add(action);
        }
    }

    @Override
    public void onDropped(DroppedPacket dropped) {
        String actionId = dropped.actionId();
        PendingAction action = actionId == null ? null : pending.get(actionId);
        if (action != null && action.isDone()) {
            return; // more of an answer already given up on
        }
        if (action != null) {
            String what = dropped.reason() == DroppedPacket.Reason.LINE_LENGTH ? "has a line longer than" : "is larger than";
            action.answerTooLarge(tooLarge(action, "its answer " + what + " the limit of " + dropped.limit()
                    + " bytes; it was skipped"));
            settle(action);
            return;
        }
        long count = ++droppedPackets;
        (count == 1 ? ClientLog.FIRST_PACKET_DROPPED : ClientLog.PACKET_DROPPED)
                .log(client.server(), dropped.describe(), count);
    }

    private static AmiException tooLarge(PendingAction action, String what) {
        return new AmiException(action.describe() + " failed: " + what + " and the session goes on."
                + " Raise maxAnswerBytes (amira.max-answer-bytes) if such answers are expected.");
    }

    private void deliver(AmiEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            ClientLog.LISTENER_FAILED_ON_EVENT.log(e, event.name(), client.server());
        }
    }
}
