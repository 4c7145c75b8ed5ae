package io.amira.log;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * How a server's own levels are found: by name, when the installed log manager's class loader
 * defined them with the standard level's weight (JBoss LogManager's WARN on WildFly), never from
 * another class loader (JBoss Logging's JDK backend on Payara) nor with another weight.
 */
class ServerLevelsTest {

    /** A log manager's own levels, as org.jboss.logmanager.Level defines them. */
    static final class OwnLevel extends Level {
        private static final long serialVersionUID = 1L;
        static final OwnLevel WARN = new OwnLevel("AMIRA_TEST_WARN", Level.WARNING.intValue());
        static final OwnLevel LOUD = new OwnLevel("AMIRA_TEST_LOUD", Level.WARNING.intValue() + 1);

        OwnLevel(String name, int value) {
            super(name, value);
        }
    }

    private static final ClassLoader LOG_MANAGER_LOADER = OwnLevel.class.getClassLoader();
    /** Creating them registers their names with java.util.logging, as a log manager's levels are. */
    private static final Level[] REGISTERED = {OwnLevel.WARN, OwnLevel.LOUD};

    @Test
    void theLogManagersOwnLevelOfTheSameWeightIsTaken() {
        assertSame(OwnLevel.WARN, ServerLevels.resolve(Level.WARNING, "AMIRA_TEST_WARN", LOG_MANAGER_LOADER));
    }

    @Test
    void theyAreRegistered() {
        assertSame(OwnLevel.LOUD, Level.parse(REGISTERED[1].getName()));
    }

    @Test
    void aLevelOfAnotherClassLoaderIsNot() {
        assertSame(Level.WARNING, ServerLevels.resolve(Level.WARNING, "AMIRA_TEST_WARN", ClassLoader.getPlatformClassLoader()));
    }

    @Test
    void aLevelOfAnotherWeightIsNot() {
        assertSame(Level.WARNING, ServerLevels.resolve(Level.WARNING, "AMIRA_TEST_LOUD", LOG_MANAGER_LOADER));
    }

    @Test
    void withoutSuchALevelTheStandardOneStays() {
        assertSame(Level.SEVERE, ServerLevels.resolve(Level.SEVERE, "AMIRA_TEST_NO_SUCH_LEVEL", LOG_MANAGER_LOADER));
    }

    @Test
    void plainJavaKeepsTheStandardLevels() {
        assertSame(Level.WARNING, ServerLevels.WARN);
        assertSame(Level.SEVERE, ServerLevels.ERROR);
        assertSame(Level.FINE, ServerLevels.DEBUG);
    }
}
