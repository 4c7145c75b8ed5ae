package io.amira.client;

import io.amira.api.AmiEvent;
import io.amira.protocol.AmiDecodeException;
import io.amira.protocol.AmiDecoder;
import io.amira.protocol.AmiMessage;
import io.amira.protocol.AmiMessageSink;

import java.io.EOFException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The session's only long-lived task: reads the socket into one large buffer, decodes it in place
 * and dispatches every packet at once — answers to the pending action with their ActionID, other
 * events to the listener. Never waits on anything but the socket. The socket's read timeout is a
 * short tick that, like every read, gives the session its chance to expire actions and keep alive.
 */
final class SessionReader implements Runnable, AmiMessageSink {

    /** The most a socket stream read hands over at once on the JDK's NIO socket implementation. */
    static final int BUFFER_SIZE = 128 * 1024;

    private final AmiClient client;
    private final InputStream in;
    private final AmiDecoder decoder;
    private final PendingActions pending;
    private final AmiClientListener listener;
    private final long tickNanos;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String banner;
    private volatile Thread thread;
    private long lastReadNanos = System.nanoTime();
    /** Actions answered by the read being decoded, whose callers are woken once it is all decoded. */
    private final ArrayList<PendingAction> answered = new ArrayList<>();

    SessionReader(AmiClient client, InputStream in, PendingActions pending, AmiClientListener listener, long tickNanos) {
        this.client = client;
        this.decoder = new AmiDecoder(client.server());
        this.in = in;
        this.pending = pending;
        this.listener = listener;
        this.tickNanos = tickNanos;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        byte[] bytes = new byte[BUFFER_SIZE];
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
        if (failure instanceof AmiDecodeException) {
            return "undecodable data from the server: " + failure.getMessage();
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
        action.onResponse(message);
        if (action.isDone()) {
            pending.remove(action);
            answered.add(action);
        }
    }

    private void onEvent(AmiMessage message) {
        String actionId = message.actionId();
        if (actionId != null) {
            PendingAction action = pending.get(actionId);
            if (action != null) {
                boolean partOfAnswer = action.onEvent(message);
                if (action.isDone()) {
                    pending.remove(action);
                    answered.add(action);
                }
                if (partOfAnswer) {
                    return;
                }
            }
        }
        deliver(message);
    }

    private void deliver(AmiEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            ClientLog.LISTENER_FAILED_ON_EVENT.log(e, event.name(), client.server());
        }
    }
}
