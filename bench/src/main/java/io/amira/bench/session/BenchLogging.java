package io.amira.bench.session;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Quiets the simulator's per-action log and asterisk-java's chatter: console logging would be the bottleneck. */
final class BenchLogging {

    private static final Logger SIMULATOR = Logger.getLogger("io.amira.simulator");
    private static final Logger ASTERISK_JAVA = Logger.getLogger("org.asteriskjava");

    private BenchLogging() {
    }

    static void quiet() {
        SIMULATOR.setLevel(Level.WARNING);
        ASTERISK_JAVA.setLevel(Level.WARNING);
    }
}
