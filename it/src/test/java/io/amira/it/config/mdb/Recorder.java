package io.amira.it.config.mdb;

import io.amira.api.AmiEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only: the names of the events the config tests' MDBs received, in order. */
public final class Recorder {

    private static final List<String> NAMES = new CopyOnWriteArrayList<>();

    private Recorder() {
    }

    static void record(AmiEvent event) {
        NAMES.add(event.name());
    }

    public static List<String> names() {
        return List.copyOf(NAMES);
    }
}
