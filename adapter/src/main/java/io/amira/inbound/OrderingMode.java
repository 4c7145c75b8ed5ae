package io.amira.inbound;

import java.util.Locale;

/**
 * How an activation orders deliveries. {@link #CALL} (the default): events of one call — same
 * {@code Linkedid}, else {@code Uniqueid}, else {@code Channel} — are delivered one after another in
 * the order Asterisk sent them; events of different calls in parallel. Events with none of those
 * headers, and Amira's lifecycle notifications, form one more ordered sequence of their own.
 * {@link #GLOBAL}: every event in order, one at a time. {@link #NONE}: no order, all in parallel.
 */
enum OrderingMode {
    CALL, GLOBAL, NONE;

    static OrderingMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
