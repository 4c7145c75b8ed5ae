package io.amira.simulator;

/** The fault switches every session consults; set through AmiSimulator. */
final class Faults {
    volatile boolean hung;
    volatile long responseDelayNanos;
    volatile int splitWrites;
    volatile long slowReaderTimeoutNanos;
}
