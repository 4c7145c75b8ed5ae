package io.amira.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Header lookups over the parallel name/value arrays that actions, responses and events keep. */
final class HeaderLookup {

    private HeaderLookup() {
    }

    /** The first value of the named header (case-insensitive), or {@code null} when absent. */
    static String first(String[] names, String[] values, String header) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(header)) {
                return values[i];
            }
        }
        return null;
    }

    /** Every value of the named header, in order (empty when absent). */
    static List<String> all(String[] names, String[] values, String header) {
        List<String> found = new ArrayList<>(2);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(header)) {
                found.add(values[i]);
            }
        }
        return Collections.unmodifiableList(found);
    }
}
