package io.amira.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asterisk's answer to one action: the {@code Response} packet's headers (in the order sent, names
 * compared without regard to case, repeats and empty values kept), plus, for list actions, the
 * items and the closing {@code ...Complete} event, and for {@code Command} the output lines in
 * either wire form. Immutable.
 */
public final class AmiResponse {

    private final String name;
    private final String[] headerNames;
    private final String[] headerValues;
    private final List<AmiEvent> events;
    private final AmiEvent completion;
    private final List<String> outputLines;

    private AmiResponse(Builder b) {
        this.name = b.name;
        this.headerNames = b.headers.names();
        this.headerValues = b.headers.values();
        this.events = List.copyOf(b.events);
        this.completion = b.completion;
        this.outputLines = List.copyOf(b.outputLines);
    }

    /**
     * A builder for a response whose {@code Response} header is {@code name} (e.g. {@code Success}),
     * e.g. to stand in for Asterisk in an application's tests; the built response starts with the
     * {@code Response} header.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The value of the {@code Response} header: {@code Success}, {@code Error}, {@code Goodbye}, {@code Follows}, ... */
    public String name() {
        return name;
    }

    /**
     * Whether Asterisk reports success. Besides {@code Success}, the answers older Asterisk versions
     * give to successful actions count: {@code Goodbye} (Logoff), {@code Follows} (Command before 14),
     * {@code Pong} (Ping), {@code Events On}/{@code Events Off} (Events).
     */
    public boolean isSuccess() {
        switch (name.length()) {
            case 4: return name.equalsIgnoreCase("Pong");
            case 7: return name.equalsIgnoreCase("Success") || name.equalsIgnoreCase("Goodbye")
                    || name.equalsIgnoreCase("Follows");
            case 9: return name.equalsIgnoreCase("Events On");
            case 10: return name.equalsIgnoreCase("Events Off");
            default: return false;
        }
    }

    /** The {@code Message} header, or {@code null}. */
    public String message() {
        return get("Message");
    }

    /** The {@code ActionID} header, or {@code null}. */
    public String actionId() {
        return get("ActionID");
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    public String get(String header) {
        return HeaderLookup.first(headerNames, headerValues, header);
    }

    /** Every value of the named header, in order (empty when absent). */
    public List<String> getAll(String header) {
        return HeaderLookup.all(headerNames, headerValues, header);
    }

    /** How many headers the response packet has, repeats and the {@code Response} header included. */
    public int size() {
        return headerNames.length;
    }

    /** The name of header number {@code index} (0 is {@code Response}). */
    public String headerName(int index) {
        return headerNames[index];
    }

    /** The value of header number {@code index}. */
    public String headerValue(int index) {
        return headerValues[index];
    }

    /** List actions: the items in the order received, without the closing event. Empty otherwise. */
    public List<AmiEvent> events() {
        return events;
    }

    /** List actions: the closing {@code ...Complete} event; {@code null} for other actions. */
    public AmiEvent completion() {
        return completion;
    }

    /** Command: the output lines (14+ {@code Output:} headers, or the pre-14 raw body). Empty otherwise. */
    public List<String> outputLines() {
        return outputLines;
    }

    @Override
    public String toString() {
        return "AmiResponse[" + name + ", ActionID " + actionId() + ", " + headerNames.length + " headers, "
                + events.size() + " events, " + outputLines.size() + " output lines]";
    }

    /** Builds an immutable {@link AmiResponse}; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final HeaderList headers = new HeaderList();
        private List<AmiEvent> events = List.of();
        private AmiEvent completion;
        private List<String> outputLines = List.of();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            headers.add("Response", name);
        }

        /** Adds a header after {@code Response} (repeats allowed, order kept). */
        public Builder header(String header, String value) {
            headers.add(Objects.requireNonNull(header, "header"), Objects.requireNonNull(value, header));
            return this;
        }

        /** The items of a list action, in order. */
        public Builder events(List<? extends AmiEvent> items) {
            this.events = new ArrayList<>(items);
            return this;
        }

        /** The closing event of a list action. */
        public Builder completion(AmiEvent completion) {
            this.completion = completion;
            return this;
        }

        /** The output lines of a Command. */
        public Builder outputLines(List<String> lines) {
            this.outputLines = lines;
            return this;
        }

        public AmiResponse build() {
            return new AmiResponse(this);
        }
    }
}
