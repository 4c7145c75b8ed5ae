package io.amira.protocol;

import io.amira.api.AmiAction;
import io.amira.api.InvalidHeaderException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes actions in AMI wire format: {@code Action: Name}, {@code ActionID: id}, the action's
 * headers in order, each ended by CR LF, and an empty line. Values are written as UTF-8.
 *
 * <p>Nothing that could break the framing is ever written: a CR or LF inside a header name or
 * value (a caller ID holding {@code "\r\nAction: Command"} must not become a second action), a
 * colon or whitespace in a name, or a line over {@value AmiAction#MAX_LINE_BYTES} bytes (CR LF
 * included, Asterisk's input buffer) is refused with an {@link InvalidHeaderException} naming the
 * header, never showing its value.
 *
 * <p>Use the static {@link #encode(AmiAction, String)} for one action, or an instance as a reusable
 * buffer that batches several actions ({@link #append}, then {@link #writeTo} or
 * {@link #toByteBuffer}, then {@link #clear}). Instances are not thread-safe.
 */
public final class AmiEncoder {

    private static final byte[] ACTION = "Action: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID = "ActionID: ".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = AmiAction.MAX_LINE_BYTES;

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
     *
     * @throws InvalidHeaderException naming the header that cannot be sent
     */
    public static byte[] encode(AmiAction action, String actionId) {
        AmiEncoder encoder = new AmiEncoder(estimate(action));
        encoder.append(action, actionId);
        return encoder.toByteArray();
    }

    /**
     * Appends the action to this encoder's buffer (see {@link #encode(AmiAction, String)}). When
     * the action is refused, the buffer keeps exactly what it held before.
     */
    public AmiEncoder append(AmiAction action, String actionId) {
        int start = size;
        try {
            String actionName = action.name();
            line(ACTION, "Action", actionName, actionName);
            if (actionId != null) {
                line(ACTION_ID, "ActionID", actionId, actionName);
            }
            for (int i = 0, n = action.size(); i < n; i++) {
                String name = action.headerName(i);
                if (actionId != null && name.equalsIgnoreCase("ActionID")) {
                    continue;
                }
                header(name, action.headerValue(i), actionName);
            }
            ensure(2);
            buffer[size++] = '\r';
            buffer[size++] = '\n';
            return this;
        } catch (RuntimeException e) {
            size = start;
            throw e;
        }
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

    private void header(String name, String value, String actionName) {
        int lineStart = size;
        int n = name.length();
        if (n == 0) {
            throw new InvalidHeaderException(name, "Action " + actionName + " has a header with no name");
        }
        ensure(n + 2);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new InvalidHeaderException(name, "Header name '" + name.replace("\r", "\\r").replace("\n", "\\n")
                        + "' of action " + actionName + " contains " + (c == '\r' || c == '\n' ? "a CR or LF" :
                        "whitespace, ':' or a non-ASCII character") + ": use a plain AMI header name");
            }
            buffer[size++] = (byte) c;
        }
        buffer[size++] = ':';
        buffer[size++] = ' ';
        value(name, value, actionName, lineStart);
    }

    private void line(byte[] prefix, String name, String value, String actionName) {
        int lineStart = size;
        ensure(prefix.length);
        System.arraycopy(prefix, 0, buffer, size, prefix.length);
        size += prefix.length;
        value(name, value, actionName, lineStart);
    }

    private void value(String name, String value, String actionName, int lineStart) {
        if (value == null) {
            throw new InvalidHeaderException(name, "Header '" + name + "' of action " + actionName
                    + " has a null value: leave the header out or give an empty string");
        }
        int n = value.length();
        ensure(n + 2);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = lineStart + writeUtf8Rest(name, value, i, actionName, lineStart);
                break;
            }
            if (c == '\r' || c == '\n') {
                throw injection(name, actionName);
            }
            buffer[size++] = (byte) c;
        }
        buffer[size++] = '\r';
        buffer[size++] = '\n';
        int length = size - lineStart;
        if (length > MAX_LINE) {
            throw new InvalidHeaderException(name, "Header '" + name + "' of action " + actionName + " makes a line of "
                    + length + " bytes, over Asterisk's limit of " + MAX_LINE + " (CR LF included): shorten the value");
        }
    }

    /** Writes value[from..] as UTF-8; returns the line length so far (relative to lineStart). */
    private int writeUtf8Rest(String name, String value, int from, String actionName, int lineStart) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw injection(name, actionName);
            }
        }
        byte[] rest = value.substring(from).getBytes(StandardCharsets.UTF_8);
        ensure(rest.length + 2);
        System.arraycopy(rest, 0, buffer, size, rest.length);
        return size - lineStart + rest.length;
    }

    private static InvalidHeaderException injection(String name, String actionName) {
        return new InvalidHeaderException(name, "The value of header '" + name + "' of action " + actionName
                + " contains a CR or LF, which could inject another action: remove line breaks");
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
