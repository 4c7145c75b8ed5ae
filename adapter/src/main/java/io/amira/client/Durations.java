package io.amira.client;

import java.util.concurrent.TimeUnit;

final class Durations {

    private Durations() {
    }

    /** e.g. {@code 250 ms}, {@code 5 s}. */
    static String format(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
