package io.amira.log;

import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogMessageTest {

    private static final LogMessage MESSAGE = LogMessage.info(Logger.getLogger("test"), "AMIRA-T-001",
            "user '{0}' on {1}: {2} {x} {9}");

    @Test
    void argumentsReplaceTheirPlaceholdersAndQuotesStay() {
        assertEquals("AMIRA-T-001 user 'admin' on pbx:5038: 3 {x} {9}", MESSAGE.format("admin", "pbx:5038", 3));
    }

    @Test
    void missingArgumentsLeaveThePlaceholder() {
        assertEquals("AMIRA-T-001 user '{0}' on {1}: {2} {x} {9}", MESSAGE.format());
    }
}
