package io.amira.simulator;

import java.time.Duration;
import java.util.logging.Logger;

/** Disconnects a session whose socket write has blocked longer than the slow-reader timeout, like Asterisk. */
final class SlowReaderWatchdog {
    private static final Logger LOG = Logger.getLogger(SlowReaderWatchdog.class.getName());

    private final Faults faults;
    private final SessionRegistry sessions;

    SlowReaderWatchdog(Faults faults, SessionRegistry sessions) {
        this.faults = faults;
        this.sessions = sessions;
    }

    void check() {
        long limit = faults.slowReaderTimeoutNanos;
        if (limit <= 0) {
            return;
        }
        long now = System.nanoTime();
        for (AmiSession s : sessions.all()) {
            long started = s.writer.writeStartedNanos;
            if (started != 0 && now - started > limit) {
                LOG.warning(() -> "sim.session " + s.id() + " slow reader: a write blocked over "
                        + Duration.ofNanos(limit).toMillis() + " ms, disconnecting (like Asterisk's writetimeout)");
                s.close();
            }
        }
    }
}
