package io.amira.api;

import java.util.Arrays;

/** Header names and values collected in order by the builders of this package. */
final class HeaderList {

    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;

    void add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    /** A copy of the names so far. */
    String[] names() {
        return Arrays.copyOf(names, size);
    }

    /** A copy of the values so far. */
    String[] values() {
        return Arrays.copyOf(values, size);
    }
}
