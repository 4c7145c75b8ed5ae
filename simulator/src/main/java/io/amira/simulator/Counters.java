package io.amira.simulator;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters a test reads: sessions, logins, actions by name. */
final class Counters {
    final AtomicLong sessionsAccepted = new AtomicLong();
    final AtomicLong logins = new AtomicLong();
    final LongAdder actions = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byName = new ConcurrentHashMap<>();

    void action(String name) {
        actions.increment();
        byName.computeIfAbsent(name == null ? "" : name.toLowerCase(Locale.ROOT), n -> new LongAdder()).increment();
    }

    long actions(String name) {
        LongAdder a = byName.get(name.toLowerCase(Locale.ROOT));
        return a == null ? 0 : a.sum();
    }
}
