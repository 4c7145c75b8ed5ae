package io.amira.api;

import java.util.List;
import java.util.Objects;

/**
 * One AMI event: its name and its headers, in the order Asterisk sent them. Header names compare
 * without regard to case; repeated headers and empty values are kept. Immutable.
 */
public final class AmiEvent {

    private final String name;
    private final String[] headerNames;
    private final String[] headerValues;

    private AmiEvent(String name, String[] headerNames, String[] headerValues) {
        this.name = name;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
    }

    /**
     * An event from parallel arrays of header names and values (the {@code Event} header included),
     * which the event takes over without copying: the caller must not change them afterwards.
     */
    public static AmiEvent of(String name, String[] headerNames, String[] headerValues) {
        Objects.requireNonNull(name, "name");
        if (headerNames.length != headerValues.length) {
            throw new IllegalArgumentException("header names and values differ in length");
        }
        return new AmiEvent(name, headerNames, headerValues);
    }

    /** The event's name, the value of its {@code Event} header (e.g. {@code Newchannel}). */
    public String name() {
        return name;
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String get(String header) {
        return HeaderLookup.first(headerNames, headerValues, header);
    }

    /** Every value of the named header, in order (empty when absent). */
    public List<String> getAll(String header) {
        return HeaderLookup.all(headerNames, headerValues, header);
    }

    /** The {@code Linkedid} header (shared by every channel of one call), or {@code null}. */
    public String linkedId() {
        return get("Linkedid");
    }

    /** The {@code Uniqueid} header (one channel), or {@code null}. */
    public String uniqueId() {
        return get("Uniqueid");
    }

    /** The {@code Channel} header, or {@code null}. */
    public String channel() {
        return get("Channel");
    }

    /**
     * Whether this is one of Amira's own lifecycle notifications ({@link AmiLifecycleEvents}), not
     * an event Asterisk sent.
     */
    public boolean isLifecycle() {
        return AmiLifecycleEvents.isLifecycle(name);
    }

    /** How many headers the event has, repeats included. */
    public int size() {
        return headerNames.length;
    }

    public String headerName(int index) {
        return headerNames[index];
    }

    public String headerValue(int index) {
        return headerValues[index];
    }

    @Override
    public String toString() {
        return "AmiEvent[" + name + ", " + headerNames.length + " headers]";
    }
}
