package io.amira.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before connecting again after {@code failures} lost or failed sessions in a row: up to the
 * initial delay at random after the first (so views and activations that lost the same Asterisk do
 * not log in at once and hit its {@code authlimit}), then doubling up to the maximum, drawn between
 * half the delay and the delay.
 */
record ReconnectDelay(Duration initial, Duration max) {

    long millis(int failures) {
        long first = Math.max(1, initial.toMillis());
        long ceiling = Math.max(first, max.toMillis());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (failures <= 1) {
            return random.nextLong(first + 1);
        }
        long delay = first << Math.min(failures - 1, 30);
        if (delay <= 0 || delay > ceiling) {
            delay = ceiling;
        }
        return delay / 2 + random.nextLong(delay - delay / 2 + 1);
    }
}
