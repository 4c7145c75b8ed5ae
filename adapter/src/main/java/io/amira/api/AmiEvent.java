package io.amira.api;

import java.util.List;

/**
 * One AMI event: its name and its headers, in the order Asterisk sent them (the {@code Event}
 * header first), and the server it came from. Header names compare without regard to case;
 * repeated headers and empty values are kept. Implementations are immutable and thread-safe.
 */
public interface AmiEvent {

    /** The event's name, the value of its {@code Event} header (e.g. {@code Newchannel}). */
    String name();

    /**
     * The AMI server ({@code host:port}) the event came from, so one bean can serve several PBXs
     * through several activations; {@code null} for an event built with {@link #builder} without one.
     */
    String server();

    /** The first value of the named header, or {@code null} when absent. */
    String get(String header);

    /** Every value of the named header, in order (empty when absent). */
    List<String> getAll(String header);

    /** How many headers the event has, repeats and the {@code Event} header included. */
    int size();

    /** The name of header number {@code index} (0 is {@code Event}). */
    String headerName(int index);

    /** The value of header number {@code index}. */
    String headerValue(int index);

    /** The {@code Linkedid} header (shared by every channel of one call), or {@code null}. */
    default String linkedId() {
        return get("Linkedid");
    }

    /** The {@code Uniqueid} header (one channel), or {@code null}. */
    default String uniqueId() {
        return get("Uniqueid");
    }

    /** The {@code Channel} header, or {@code null}. */
    default String channel() {
        return get("Channel");
    }

    /**
     * Whether this is one of Amira's own lifecycle notifications ({@link AmiLifecycleEvents}), not
     * an event Asterisk sent.
     */
    default boolean isLifecycle() {
        return AmiLifecycleEvents.isLifecycle(name());
    }

    /**
     * A builder for an event named {@code name}, e.g. to test a message-driven bean without
     * Asterisk; the built event starts with the {@code Event} header.
     */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds an immutable {@link AmiEvent}; not thread-safe. */
    final class Builder {

        private final HeaderList headers = new HeaderList();
        private final String name;
        private String server;

        private Builder(String name) {
            this.name = java.util.Objects.requireNonNull(name, "name");
            headers.add("Event", name);
        }

        /** The server ({@code host:port}) the event is said to come from. */
        public Builder server(String server) {
            this.server = server;
            return this;
        }

        /** Adds a header (repeats allowed, order kept). */
        public Builder header(String header, String value) {
            headers.add(java.util.Objects.requireNonNull(header, "header"), java.util.Objects.requireNonNull(value, header));
            return this;
        }

        public AmiEvent build() {
            return new BuiltEvent(name, server, headers.names(), headers.values());
        }
    }
}
