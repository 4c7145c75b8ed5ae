package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One AMI packet: ordered headers, names matched case-insensitively, repeats and empty values kept. */
final class Packet {
    private final List<String> names = new ArrayList<>(16);
    private final List<String> values = new ArrayList<>(16);

    static Packet response(String response, String actionId) {
        Packet p = new Packet().add("Response", response);
        if (actionId != null) {
            p.add("ActionID", actionId);
        }
        return p;
    }

    static Packet event(String name, String privilege) {
        Packet p = new Packet().add("Event", name);
        if (privilege != null) {
            p.add("Privilege", privilege);
        }
        return p;
    }

    Packet add(String name, String value) {
        names.add(name);
        values.add(value == null ? "" : value);
        return this;
    }

    Packet add(String name, long value) {
        return add(name, Long.toString(value));
    }

    Packet addAll(Packet other) {
        for (int i = 0; i < other.size(); i++) {
            add(other.name(i), other.value(i));
        }
        return this;
    }

    /** A copy without the named headers. */
    Packet without(String... headerNames) {
        Packet copy = new Packet();
        outer:
        for (int i = 0; i < names.size(); i++) {
            for (String n : headerNames) {
                if (names.get(i).equalsIgnoreCase(n)) {
                    continue outer;
                }
            }
            copy.add(names.get(i), values.get(i));
        }
        return copy;
    }

    /** Adds the ActionID header when the action carried one. */
    Packet actionId(String actionId) {
        return actionId == null ? this : add("ActionID", actionId);
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    String value(int i) {
        return values.get(i);
    }

    /** First value of the header, or null. */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** First value, or "" when absent (like Asterisk's astman_get_header). */
    String value(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    List<String> getAll(String name) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                all.add(values.get(i));
            }
        }
        return all;
    }

    String text() {
        return appendTo(new StringBuilder(names.size() * 32)).toString();
    }

    /** Appends the packet as sent: one "Name: value" line per header, then the blank line. */
    StringBuilder appendTo(StringBuilder sb) {
        for (int i = 0; i < names.size(); i++) {
            sb.append(names.get(i)).append(": ").append(values.get(i)).append("\r\n");
        }
        return sb.append("\r\n");
    }

    byte[] encode() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
