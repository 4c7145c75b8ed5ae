package io.amira.inbound;

import io.amira.api.AmiEvent;

/** Builds AMI events for tests. */
final class TestEvents {

    private TestEvents() {
    }

    /** An event from {@code name} and header name/value pairs (after {@code Event}). */
    static AmiEvent event(String name, String... pairs) {
        AmiEvent.Builder event = AmiEvent.builder(name).server("127.0.0.1:5038");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            event.header(pairs[i], pairs[i + 1]);
        }
        return event.build();
    }

    /** The {@code seq}-th event of call {@code call}, numbered in header {@code Seq}. */
    static AmiEvent callEvent(int call, int seq) {
        return event("Newexten", "Privilege", "call,all", "Channel", "Local/" + call + "@demo-0001;1",
                "Uniqueid", "1700000000." + call + "." + seq % 2, "Linkedid", "1700000000." + call,
                "Seq", Integer.toString(seq));
    }
}
