package io.amira.it.config.pbx.mdb;

import io.amira.api.AmiEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: what each activation of {@link PbxRecorderBean} received, one line per event
 * ({@code name|server|UserEvent|Token}), for MultiPbxIT to read through the probe (which sees this
 * class through the EAR).
 */
public final class PbxEvents {

    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    private PbxEvents() {
    }

    static void record(String activation, AmiEvent event) {
        String line = event.name() + "|" + event.server() + "|" + nullToEmpty(event.get("UserEvent"))
                + "|" + nullToEmpty(event.get("Token"));
        List<String> lines = RECEIVED.computeIfAbsent(activation, k -> new ArrayList<>());
        synchronized (lines) {
            lines.add(line);
        }
    }

    public static List<String> lines(String activation) {
        List<String> lines = RECEIVED.getOrDefault(activation, List.of());
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
