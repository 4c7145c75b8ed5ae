package io.amira.config;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A retry loop's pause that ends early when its owner stops (the owner notifies its lock when it does). */
public final class StoppableWait {

    private StoppableWait() {
    }

    /**
     * Waits {@code millis} on {@code lock} unless {@code stopped} (read under the lock) turns true:
     * true when the time passed, false when stopped or interrupted.
     */
    public static boolean await(Object lock, BooleanSupplier stopped, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!stopped.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
