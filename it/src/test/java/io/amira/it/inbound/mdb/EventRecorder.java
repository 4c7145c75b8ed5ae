package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: keeps what each test MDB received, in delivery order, one line per event
 * ({@code name|Linkedid|Uniqueid|UserEvent}), for the inbound ITs to read through the probe.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EventRecorder {

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    public void record(String recorder, AmiEvent event) {
        String line = event.name() + "|" + nullToEmpty(event.linkedId()) + "|" + nullToEmpty(event.uniqueId())
                + "|" + nullToEmpty(event.get("UserEvent"));
        List<String> lines = received.computeIfAbsent(recorder, k -> new ArrayList<>());
        synchronized (lines) {
            lines.add(line);
        }
    }

    public List<String> lines(String recorder) {
        List<String> lines = received.getOrDefault(recorder, List.of());
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public void clear() {
        received.clear();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
