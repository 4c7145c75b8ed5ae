package io.amira.log;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One of Amira's log messages: a stable, greppable id ({@code AMIRA-IN-041}), its level and its
 * text, where {@code {0}}, {@code {1}}, ... stand for the arguments. Each package that logs declares
 * its messages in one catalogue class ({@code ClientLog}, {@code InboundLog}, ...); a test keeps the
 * ids unique. The text is built only when the level is enabled; quotes need no escaping. The levels
 * are the server's own where it has them ({@link ServerLevels}: {@code WARN}, {@code ERROR} on WildFly).
 */
public final class LogMessage {

    private final Logger logger;
    private final String id;
    private final Level level;
    private final String text;

    private LogMessage(Logger logger, String id, Level level, String text) {
        this.logger = logger;
        this.id = id;
        this.level = level;
        this.text = text;
    }

    public static LogMessage severe(Logger logger, String id, String text) {
        return new LogMessage(logger, id, ServerLevels.ERROR, text);
    }

    public static LogMessage warning(Logger logger, String id, String text) {
        return new LogMessage(logger, id, ServerLevels.WARN, text);
    }

    public static LogMessage info(Logger logger, String id, String text) {
        return new LogMessage(logger, id, Level.INFO, text);
    }

    public static LogMessage fine(Logger logger, String id, String text) {
        return new LogMessage(logger, id, ServerLevels.DEBUG, text);
    }

    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    public void log(Object... args) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(args));
        }
    }

    public void log(Throwable thrown, Object... args) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(args), thrown);
        }
    }

    /** {@code id}, a space and the text with {@code {n}} replaced by argument n. */
    String format(Object... args) {
        StringBuilder out = new StringBuilder(id.length() + text.length() + 32).append(id).append(' ');
        int from = 0;
        int open;
        while ((open = text.indexOf('{', from)) >= 0) {
            int close = text.indexOf('}', open);
            int index = close < 0 ? -1 : argumentIndex(text, open + 1, close);
            if (index < 0 || index >= args.length) {
                out.append(text, from, open + 1);
                from = open + 1;
                continue;
            }
            out.append(text, from, open).append(args[index]);
            from = close + 1;
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int argumentIndex(String text, int from, int to) {
        if (from == to || to - from > 2) {
            return -1;
        }
        int index = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    @Override
    public String toString() {
        return id + " (" + level + "): " + text;
    }
}
