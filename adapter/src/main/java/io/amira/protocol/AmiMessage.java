package io.amira.protocol;

import io.amira.api.AmiEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One packet from the server: a response, an event or (rarely) something else. Headers keep their
 * order; names compare without regard to case; repeated headers and empty values are kept.
 * A legacy (Asterisk 13 and older) Command response also carries its raw body lines.
 * Immutable once built.
 */
public final class AmiMessage {

    /** What the packet is, from its first {@code Response:} or {@code Event:} header. */
    public enum Kind { RESPONSE, EVENT, OTHER }

    private static final String OUTPUT = "Output";

    private final String[] names;
    private final String[] values;
    private final List<String> legacyBody;
    private final Kind kind;
    private final String responseOrEventName;

    AmiMessage(String[] names, String[] values, List<String> legacyBody) {
        this.names = names;
        this.values = values;
        this.legacyBody = legacyBody;
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

    /**
     * A message from parallel arrays of header names and values, which it takes over without
     * copying: the caller must not change them afterwards. Meant for tests and tools.
     */
    public static AmiMessage of(String[] headerNames, String[] headerValues) {
        Objects.requireNonNull(headerNames, "headerNames");
        Objects.requireNonNull(headerValues, "headerValues");
        if (headerNames.length != headerValues.length) {
            throw new IllegalArgumentException("header names and values differ in length");
        }
        return new AmiMessage(headerNames, headerValues, null);
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
        return get(HeaderNames.ACTION_ID);
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    public String get(String header) {
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
            if (n[i].equalsIgnoreCase(header)) {
                return values[i];
            }
        }
        return null;
    }

    /** Every value of the named header, in order; empty when absent. */
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
    public int size() {
        return names.length;
    }

    public String headerName(int index) {
        return names[index];
    }

    public String headerValue(int index) {
        return values[index];
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

    /**
     * This packet as an {@link AmiEvent} named after its {@code Event:} (or {@code Response:})
     * value, sharing this message's arrays.
     */
    public AmiEvent toEvent() {
        return AmiEvent.of(responseOrEventName == null ? "" : responseOrEventName, names, values);
    }

    @Override
    public String toString() {
        String id = actionId();
        return "AmiMessage[" + kind + " " + responseOrEventName + (id == null ? "" : ", ActionID " + id)
                + ", " + names.length + " headers" + (legacyBody == null ? "" : ", " + legacyBody.size() + " body lines")
                + "]";
    }
}
