package io.amira.log;

import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * The level objects Amira logs at: the server's own where its log manager defines a level of the
 * usual name and the same weight, else java.util.logging's. On WildFly, JBoss LogManager registers
 * {@code ERROR}, {@code WARN} and {@code DEBUG} (its {@code org.jboss.logmanager.Level}), so Amira's
 * lines read {@code WARN} like WildFly's own instead of {@code WARNING}; elsewhere (Payara, plain
 * Java) the standard levels stay. Only the installed log manager's own levels count: a library may
 * define levels of those names too (JBoss Logging's JDK backend on Payara does), and the server's
 * formatter would then print names that its own lines do not use.
 */
final class ServerLevels {

    static final Level ERROR = resolve(Level.SEVERE, "ERROR");
    static final Level WARN = resolve(Level.WARNING, "WARN");
    static final Level DEBUG = resolve(Level.FINE, "DEBUG");

    private ServerLevels() {
    }

    private static Level resolve(Level standard, String name) {
        return resolve(standard, name, LogManager.getLogManager().getClass().getClassLoader());
    }

    /** The level named {@code name} if {@code logManagerLoader} defined it with {@code standard}'s weight, else {@code standard}. */
    static Level resolve(Level standard, String name, ClassLoader logManagerLoader) {
        Level named;
        try {
            named = Level.parse(name);
        } catch (IllegalArgumentException e) {
            return standard; // no level of that name in this JVM
        }
        boolean serversOwn = named.getClass() != Level.class && named.getClass().getClassLoader() == logManagerLoader;
        return serversOwn && named.intValue() == standard.intValue() ? named : standard;
    }
}
