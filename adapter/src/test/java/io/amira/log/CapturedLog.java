package io.amira.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a logger (and its children) logs while open, for tests that assert on log lines. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setLevel(Level.ALL);
    }

    /** Captures logger {@code name} from now on, down to FINE. */
    public static CapturedLog of(String name) {
        CapturedLog captured = new CapturedLog(Logger.getLogger(name));
        captured.logger.setLevel(Level.FINE);
        captured.logger.addHandler(captured);
        return captured;
    }

    /** The messages logged so far whose text starts with {@code id} (e.g. {@code AMIRA-CFG-010}). */
    public List<LogRecord> withId(String id) {
        return records.stream().filter(r -> r.getMessage() != null && r.getMessage().startsWith(id + " ")).toList();
    }

    /** Every message text logged so far. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // records are kept in memory; nothing to flush
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
