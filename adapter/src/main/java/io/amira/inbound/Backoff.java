package io.amira.inbound;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: the first attempt after a loss waits a random time up to the initial delay
 * (so activations that lost the same server do not all log in at once and hit Asterisk's
 * {@code authlimit}); each failed attempt doubles the delay up to the maximum, with the wait drawn
 * between half the delay and the delay.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    /** The wait before attempt number {@code attempt} (1 for the first attempt after a loss). */
    long delayMillis(int attempt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (attempt <= 1) {
            return random.nextLong(initialMillis + 1);
        }
        long delay = initialMillis << Math.min(attempt - 1, 30);
        if (delay <= 0 || delay > maxMillis) {
            delay = maxMillis;
        }
        return delay / 2 + random.nextLong(delay - delay / 2 + 1);
    }
}
