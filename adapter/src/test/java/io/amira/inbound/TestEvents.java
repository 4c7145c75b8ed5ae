package io.amira.inbound;

import io.amira.api.AmiEvent;

/** Builds AMI events for tests. */
final class TestEvents {

    private TestEvents() {
    }

    /** An event from {@code name} and header name/value pairs (after {@code Event}). */
    static AmiEvent event(String name, String... pairs) {
        String[] names = new String[1 + pairs.length / 2];
        String[] values = new String[names.length];
        names[0] = "Event";
        values[0] = name;
        for (int i = 1; i < names.length; i++) {
            names[i] = pairs[2 * i - 2];
            values[i] = pairs[2 * i - 1];
        }
        return AmiEvent.of(name, names, values);
    }

    /** The {@code seq}-th event of call {@code call}, numbered in header {@code Seq}. */
    static AmiEvent callEvent(int call, int seq) {
        return event("Newexten", "Privilege", "call,all", "Channel", "Local/" + call + "@demo-0001;1",
                "Uniqueid", "1700000000." + call + "." + seq % 2, "Linkedid", "1700000000." + call,
                "Seq", Integer.toString(seq));
    }
}
