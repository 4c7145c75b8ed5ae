package io.amira.it.config.adminprobe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the probe application's MDB received: {@code name UserEvent-header} per event. */
public final class ReceivedEvents {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    private ReceivedEvents() {
    }

    static void add(String line) {
        LINES.add(line);
    }

    static List<String> lines() {
        return List.copyOf(LINES);
    }
}
