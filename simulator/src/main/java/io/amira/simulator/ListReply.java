package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A list answer (the response with {@code EventList: start}, the items, the {@code ...Complete}
 * event), encoded slice by slice by the session's writer from a snapshot taken on the PBX thread.
 * Nothing can come between its packets.
 */
final class ListReply<T> implements ReplyStream {
    private static final int SLICE_CHARS = 64 * 1024;

    private final Packet start;
    private List<T> items;
    private final Function<T, Packet> encoder;
    private final Packet complete;
    private int next = -1;

    ListReply(Packet start, List<T> items, Function<T, Packet> encoder, Packet complete) {
        this.start = start;
        this.items = items;
        this.encoder = encoder;
        this.complete = complete;
    }

    @Override
    public byte[] next() {
        if (items == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(SLICE_CHARS + 4096);
        if (next < 0) {
            start.appendTo(sb);
            next = 0;
        }
        while (next < items.size() && sb.length() < SLICE_CHARS) {
            encoder.apply(items.get(next++)).appendTo(sb);
        }
        if (next == items.size()) {
            complete.appendTo(sb);
            items = null;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
