package io.amira.it.cluster.mdb;

import io.amira.api.AmiEvent;

/**
 * Test-only: one event as a line ({@code name|Linkedid|Uniqueid|ChannelStateDesc|UserEvent}), the
 * same for what a node delivered and what a plain client saw on the wire, so the two compare.
 */
public final class EventLine {

    private EventLine() {
    }

    public static String of(AmiEvent event) {
        return event.name() + "|" + nullToEmpty(event.linkedId()) + "|" + nullToEmpty(event.uniqueId())
                + "|" + nullToEmpty(event.get("ChannelStateDesc")) + "|" + nullToEmpty(event.get("UserEvent"));
    }

    /** The Linkedid field of a line ({@code name|Linkedid|...}). */
    public static String linkedId(String line) {
        int start = line.indexOf('|') + 1;
        return line.substring(start, line.indexOf('|', start));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
