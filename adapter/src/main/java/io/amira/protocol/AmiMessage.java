package io.amira.protocol;

import io.amira.api.AmiEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One packet from the server: a response, an event or (rarely) something else. Headers keep their
 * order; names compare without regard to case; repeated headers and empty values are kept.
 * A legacy (Asterisk 13 and older) Command response also carries its raw body lines.
 * Immutable once built. An event packet is handed to applications as it is, as an {@link AmiEvent}
 * (named after its {@code Event} value, or its {@code Response} value for a response).
 */
public final class AmiMessage implements AmiEvent {

    /** What the packet is, from its first {@code Response:} or {@code Event:} header. */
    public enum Kind { RESPONSE, EVENT, OTHER }

    private static final String OUTPUT = "Output";

    private final String[] names;
    private final String[] values;
    private final List<String> legacyBody;
    private final Kind kind;
    private final String responseOrEventName;
    private final String server;
    private final String actionId;
    /** An int, not a long: it fits the object's alignment gap, so a message costs no more heap. */
    private final int countedBytes;

    /** {@code actionId}: the first ActionID value among the headers (the decoder notes it while decoding). */
    AmiMessage(String server, String[] names, String[] values, String actionId, List<String> legacyBody,
               long countedBytes) {
        this.server = server;
        this.actionId = actionId;
        this.names = names;
        this.values = values;
        this.legacyBody = legacyBody;
        this.countedBytes = (int) Math.min(countedBytes, Integer.MAX_VALUE);
        Kind foundKind = Kind.OTHER;
        String foundName = null;
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            if (n == HeaderNames.EVENT || n.equalsIgnoreCase(HeaderNames.EVENT)) {
                foundKind = Kind.EVENT;
                foundName = values[i];
                break;
            }
            if (n == HeaderNames.RESPONSE || n.equalsIgnoreCase(HeaderNames.RESPONSE)) {
                foundKind = Kind.RESPONSE;
                foundName = values[i];
                break;
            }
        }
        this.kind = foundKind;
        this.responseOrEventName = foundName;
    }

    /** A message with copies of the given header names and values, as if from {@code server}; for tests and tools. */
    public static AmiMessage of(String server, String[] headerNames, String[] headerValues) {
        if (headerNames.length != headerValues.length) {
            throw new IllegalArgumentException("header names and values differ in length");
        }
        long bytes = 0;
        for (int i = 0; i < headerNames.length; i++) {
            bytes += AmiDecoder.countedLineBytes(headerNames[i].length() + 2 + headerValues[i].length());
        }
        String[] names = headerNames.clone();
        String[] values = headerValues.clone();
        return new AmiMessage(server, names, values, first(names, values, HeaderNames.ACTION_ID), null, bytes);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isResponse() {
        return kind == Kind.RESPONSE;
    }

    public boolean isEvent() {
        return kind == Kind.EVENT;
    }

    /** The value of the {@code Response:} or {@code Event:} header, {@code null} for {@link Kind#OTHER}. */
    public String responseOrEventName() {
        return responseOrEventName;
    }

    /** The first {@code ActionID} value, or {@code null} when absent. */
    public String actionId() {
        return actionId;
    }

    /** The value of the {@code Response:} or {@code Event:} header; empty for {@link Kind#OTHER}. */
    @Override
    public String name() {
        return responseOrEventName == null ? "" : responseOrEventName;
    }

    /** The server ({@code host:port}) whose connection delivered this packet. */
    @Override
    public String server() {
        return server;
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    @Override
    public String get(String header) {
        return first(names, values, header);
    }

    private static String first(String[] names, String[] values, String header) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(header)) {
                return values[i];
            }
        }
        return null;
    }

    /** Every value of the named header, in order; empty when absent. */
    @Override
    public List<String> getAll(String header) {
        List<String> all = null;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(header)) {
                if (all == null) {
                    all = new ArrayList<>();
                }
                all.add(values[i]);
            }
        }
        return all == null ? List.of() : Collections.unmodifiableList(all);
    }

    /** How many headers, repeats included (legacy Command body lines are not headers). */
    @Override
    public int size() {
        return names.length;
    }

    @Override
    public String headerName(int index) {
        return names[index];
    }

    @Override
    public String headerValue(int index) {
        return values[index];
    }

    /**
     * The packet's size as counted against the decoder's packet limit and the client's answer
     * limit: its lines with their CR LF, each line counted as at least
     * {@value AmiDecoder#MIN_COUNTED_LINE_BYTES} bytes (a decoded line costs about that much heap
     * even when it is short); at most {@link Integer#MAX_VALUE}.
     */
    public long countedBytes() {
        return countedBytes;
    }

    /** True for a pre-14 {@code Response: Follows} Command response carrying a raw body. */
    public boolean isLegacyCommandOutput() {
        return legacyBody != null;
    }

    /**
     * Command output lines: the raw body of a legacy {@code Response: Follows} packet (without the
     * {@code --END COMMAND--} marker), otherwise every {@code Output:} header value in order.
     */
    public List<String> outputLines() {
        return legacyBody != null ? legacyBody : getAll(OUTPUT);
    }

    @Override
    public String toString() {
        String id = actionId();
        return "AmiMessage[" + kind + " " + responseOrEventName + (id == null ? "" : ", ActionID " + id)
                + ", " + names.length + " headers" + (legacyBody == null ? "" : ", " + legacyBody.size() + " body lines")
                + "]";
    }
}
