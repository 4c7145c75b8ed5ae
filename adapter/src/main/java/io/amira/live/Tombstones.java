package io.amira.live;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * Ids of things that ended (hung-up channels, destroyed bridges), the most recent {@code capacity}
 * of them: Asterisk never reuses them, so a late event or a lagging list naming one must not bring
 * it back. Not thread-safe.
 */
final class Tombstones {

    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    Tombstones(int capacity) {
        this.capacity = capacity;
    }

    void add(String id) {
        if (ids.add(id) && ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    boolean contains(String id) {
        return ids.contains(id);
    }
}
