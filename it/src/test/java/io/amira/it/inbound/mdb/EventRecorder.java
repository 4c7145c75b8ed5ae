package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: keeps what each test MDB received, in delivery order, one line per event
 * ({@code name|Linkedid|Uniqueid|UserEvent}), for the inbound ITs to read through the probe. Plain
 * static state rather than a singleton EJB, so recording never waits for another component to
 * start while the deployment is still coming up (the probe war sees this class through the EAR).
 */
public final class EventRecorder {

    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    private EventRecorder() {
    }

    public static void record(String recorder, AmiEvent event) {
        String line = event.name() + "|" + nullToEmpty(event.linkedId()) + "|" + nullToEmpty(event.uniqueId())
                + "|" + nullToEmpty(event.get("UserEvent"));
        List<String> lines = RECEIVED.computeIfAbsent(recorder, k -> new ArrayList<>());
        synchronized (lines) {
            lines.add(line);
        }
    }

    public static List<String> lines(String recorder) {
        List<String> lines = RECEIVED.getOrDefault(recorder, List.of());
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
