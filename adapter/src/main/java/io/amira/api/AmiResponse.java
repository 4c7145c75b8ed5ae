package io.amira.api;

import java.util.Collections;
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

    private AmiResponse(String name, String[] headerNames, String[] headerValues,
                        List<AmiEvent> events, AmiEvent completion, List<String> outputLines) {
        this.name = name;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
        this.events = events;
        this.completion = completion;
        this.outputLines = outputLines;
    }

    /**
     * A response from parallel arrays of header names and values (the {@code Response} header
     * included), which it takes over without copying: the caller must not change them afterwards.
     * {@code events} and {@code outputLines} may be null (empty).
     */
    public static AmiResponse of(String name, String[] headerNames, String[] headerValues,
                                 List<AmiEvent> events, AmiEvent completion, List<String> outputLines) {
        Objects.requireNonNull(name, "name");
        if (headerNames.length != headerValues.length) {
            throw new IllegalArgumentException("header names and values differ in length");
        }
        return new AmiResponse(name, headerNames, headerValues,
                events == null || events.isEmpty() ? List.of() : Collections.unmodifiableList(events),
                completion,
                outputLines == null || outputLines.isEmpty() ? List.of() : Collections.unmodifiableList(outputLines));
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
        return isSuccessName(name);
    }

    /** Whether a {@code Response} header value means success (see {@link #isSuccess()}). */
    public static boolean isSuccessName(String responseName) {
        if (responseName == null) {
            return false;
        }
        switch (responseName.length()) {
            case 4: return responseName.equalsIgnoreCase("Pong");
            case 7: return responseName.equalsIgnoreCase("Success") || responseName.equalsIgnoreCase("Goodbye")
                    || responseName.equalsIgnoreCase("Follows");
            case 9: return responseName.equalsIgnoreCase("Events On");
            case 10: return responseName.equalsIgnoreCase("Events Off");
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

    /** How many headers the response packet has, repeats included. */
    public int size() {
        return headerNames.length;
    }

    public String headerName(int index) {
        return headerNames[index];
    }

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
}
