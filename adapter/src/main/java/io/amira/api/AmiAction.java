package io.amira.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One AMI action to send: its name (the {@code Action:} header) and its other headers in the
 * order given. Headers may repeat (e.g. {@code Variable}); names compare without regard to case.
 * Immutable and thread-safe.
 *
 * <p>Every header is checked when it is added, and this is the only place that checks: an action
 * that was built can be sent as it is. A name or value holding CR or LF (which would let a value
 * such as a caller ID inject a second action), a name that is empty or holds ':' or whitespace, or
 * a line longer than Asterisk's 1024 bytes is refused with an {@link InvalidHeaderException}
 * naming the header. The {@code ActionID} is normally assigned by the client, not set here.
 */
public final class AmiAction {

    /** Asterisk reads client lines into a 1024-byte buffer, CR LF included. */
    public static final int MAX_LINE_BYTES = 1024;
    /** Asterisk accepts at most 128 headers per action, the Action header included. */
    public static final int MAX_HEADERS = 128;

    private final String name;
    private final String[] headerNames;
    private final String[] headerValues;

    private AmiAction(String name, String[] headerNames, String[] headerValues) {
        this.name = name;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
    }

    /** A builder for the named action, e.g. {@code AmiAction.builder("Originate")}. */
    public static Builder builder(String actionName) {
        return new Builder(actionName);
    }

    /** An action with no header besides {@code Action:}, e.g. {@code AmiAction.of("Ping")}. */
    public static AmiAction of(String actionName) {
        return builder(actionName).build();
    }

    /** The action's name, the value of its {@code Action:} header. */
    public String name() {
        return name;
    }

    /** How many headers the action has besides {@code Action:}, repeats included. */
    public int size() {
        return headerNames.length;
    }

    /** The name of header number {@code index} (the {@code Action} header not counted). */
    public String headerName(int index) {
        return headerNames[index];
    }

    /** The value of header number {@code index}. */
    public String headerValue(int index) {
        return headerValues[index];
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    public String get(String header) {
        return HeaderLookup.first(headerNames, headerValues, header);
    }

    /** A builder holding this action's name and headers, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        for (int i = 0; i < headerNames.length; i++) {
            builder.header(headerNames[i], headerValues[i]);
        }
        return builder;
    }

    /** Shows the action and its header names only: values may be secrets. */
    @Override
    public String toString() {
        return "AmiAction[" + name + ", headers=" + Arrays.toString(headerNames) + "]";
    }

    /** Builds an {@link AmiAction}; checks every header as it is added. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private final HeaderList headers = new HeaderList();

        private Builder(String actionName) {
            checkValue("Action", actionName, actionName);
            if (actionName.isEmpty()) {
                throw new InvalidHeaderException("Action",
                        "The action name is empty: give the AMI action name, e.g. \"Ping\"");
            }
            this.name = actionName;
        }

        /** Adds a header (repeats allowed, order kept). */
        public Builder header(String headerName, String value) {
            checkName(name, headerName);
            checkValue(headerName, value, name);
            if (headers.size() >= MAX_HEADERS - 2) {
                throw new InvalidHeaderException(headerName, "Action " + name + " would have more than "
                        + MAX_HEADERS + " headers with '" + headerName
                        + "' (Asterisk's limit, Action and ActionID included): split it into several actions");
            }
            headers.add(headerName, value);
            return this;
        }

        /** Adds a header whose value is the decimal or textual form of {@code value}. */
        public Builder header(String headerName, Object value) {
            return header(headerName, String.valueOf(Objects.requireNonNull(value, headerName)));
        }

        /** The action with the headers added so far. */
        public AmiAction build() {
            return new AmiAction(name, headers.names(), headers.values());
        }

        private static void checkName(String action, String headerName) {
            if (headerName == null || headerName.isEmpty()) {
                throw new InvalidHeaderException(headerName,
                        "Action " + action + " has a header with no name: give every header a name");
            }
            for (int i = 0; i < headerName.length(); i++) {
                char c = headerName.charAt(i);
                if (c == '\r' || c == '\n') {
                    throw new InvalidHeaderException(headerName, "Header name '" + printable(headerName)
                            + "' of action " + action + " contains a CR or LF: header names are single tokens");
                }
                if (c <= ' ' || c >= 0x7f || c == ':') {
                    throw new InvalidHeaderException(headerName, "Header name '" + printable(headerName)
                            + "' of action " + action
                            + " contains whitespace, ':' or a non-ASCII character: use a plain AMI header name");
                }
            }
        }

        private static void checkValue(String headerName, String value, String action) {
            if (value == null) {
                throw new InvalidHeaderException(headerName, "Header '" + headerName + "' of action " + action
                        + " has a null value: leave the header out or give an empty string");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n') {
                    throw new InvalidHeaderException(headerName, "The value of header '" + headerName
                            + "' of action " + action
                            + " contains a CR or LF, which could inject another action: remove line breaks");
                }
            }
            // Name, ": ", value, CR LF
            int lineBytes = headerName.length() + 2 + utf8Length(value) + 2;
            if (lineBytes > MAX_LINE_BYTES) {
                throw new InvalidHeaderException(headerName, "Header '" + headerName + "' of action " + action
                        + " makes a line of " + lineBytes + " bytes, over Asterisk's limit of " + MAX_LINE_BYTES
                        + " (CR LF included): shorten the value");
            }
        }

        private static int utf8Length(String value) {
            int n = value.length();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    return value.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            return n;
        }

        private static String printable(String s) {
            return s.replace("\r", "\\r").replace("\n", "\\n");
        }
    }
}
