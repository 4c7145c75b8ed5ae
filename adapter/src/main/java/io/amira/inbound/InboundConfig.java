package io.amira.inbound;

import java.time.Duration;

/** The parsed, valid inbound part of an activation spec. */
record InboundConfig(EventFilter filter, OrderingMode ordering, int concurrency, long bufferCapacityBytes,
                     boolean lifecycleEvents, Duration reconnectInitialDelay, Duration reconnectMaxDelay) {
}
