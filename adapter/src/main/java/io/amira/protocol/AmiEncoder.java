package io.amira.protocol;

import io.amira.api.AmiAction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes actions in AMI wire format: {@code Action: Name}, {@code ActionID: id}, the action's
 * headers in order, each ended by CR LF, and an empty line. Values are written as UTF-8.
 *
 * <p>It writes what {@link AmiAction} has already checked (no CR or LF, well-formed names, lines
 * within Asterisk's limit): an action that was built can always be encoded, so nothing here can
 * break the framing. The client's ActionID is a number.
 *
 * <p>Use the static {@link #encode(AmiAction, String)} for one action, or an instance as a reusable
 * buffer that batches several actions ({@link #append}, then {@link #writeTo} or
 * {@link #toByteBuffer}, then {@link #clear}). Instances are not thread-safe.
 */
public final class AmiEncoder {

    private static final byte[] ACTION = "Action: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID = "ActionID: ".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int size;

    public AmiEncoder() {
        this(512);
    }

    public AmiEncoder(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    /**
     * The action as bytes, with {@code actionId} as its {@code ActionID} (which then replaces any
     * ActionID header of the action); {@code actionId} null: the action's headers as they are.
     */
    public static byte[] encode(AmiAction action, String actionId) {
        AmiEncoder encoder = new AmiEncoder(estimate(action));
        encoder.append(action, actionId);
        return encoder.toByteArray();
    }

    /** Appends the action to this encoder's buffer (see {@link #encode(AmiAction, String)}). */
    public AmiEncoder append(AmiAction action, String actionId) {
        line(ACTION, action.name());
        if (actionId != null) {
            line(ACTION_ID, actionId);
        }
        for (int i = 0, n = action.size(); i < n; i++) {
            String name = action.headerName(i);
            if (actionId != null && name.equalsIgnoreCase("ActionID")) {
                continue;
            }
            header(name, action.headerValue(i));
        }
        ensure(2);
        buffer[size++] = '\r';
        buffer[size++] = '\n';
        return this;
    }

    /** Bytes encoded so far. */
    public int size() {
        return size;
    }

    /** The encoded bytes, shared: valid up to the next {@link #append} or {@link #clear}. */
    public ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(buffer, 0, size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /** {@code name} is checked ASCII without CR, LF, ':' or spaces (see {@link AmiAction}). */
    private void header(String name, String value) {
        int n = name.length();
        ensure(n + 2);
        for (int i = 0; i < n; i++) {
            buffer[size++] = (byte) name.charAt(i);
        }
        buffer[size++] = ':';
        buffer[size++] = ' ';
        value(value);
    }

    private void line(byte[] prefix, String value) {
        ensure(prefix.length);
        System.arraycopy(prefix, 0, buffer, size, prefix.length);
        size += prefix.length;
        value(value);
    }

    private void value(String value) {
        int n = value.length();
        ensure(n + 2);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                writeUtf8(value, i);
                break;
            }
            buffer[size++] = (byte) c;
        }
        buffer[size++] = '\r';
        buffer[size++] = '\n';
    }

    /** Writes {@code value[from..]} as UTF-8, leaving room for the CR LF. */
    private void writeUtf8(String value, int from) {
        byte[] rest = value.substring(from).getBytes(StandardCharsets.UTF_8);
        ensure(rest.length + 2);
        System.arraycopy(rest, 0, buffer, size, rest.length);
        size += rest.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private static int estimate(AmiAction action) {
        int n = 32 + action.name().length();
        for (int i = 0; i < action.size(); i++) {
            n += action.headerName(i).length() + action.headerValue(i).length() + 4;
        }
        return n;
    }
}
