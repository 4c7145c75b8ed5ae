package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amira.api.AmiAction;
import io.amira.api.InvalidHeaderException;
import org.junit.jupiter.api.Test;

class AmiActionTest {

    @Test
    void keepsOrderRepeatsAndLooksUpWithoutRegardToCase() {
        AmiAction action = AmiAction.builder("Originate")
                .header("Channel", "Local/100@demo")
                .header("Variable", "A=1")
                .header("Variable", "B=2")
                .build();
        assertEquals("Originate", action.name());
        assertEquals(3, action.size());
        assertEquals("Variable", action.headerName(2));
        assertEquals("B=2", action.headerValue(2));
        assertEquals("A=1", action.get("variable"));
        assertEquals("Local/100@demo", action.get("CHANNEL"));
        assertNull(action.get("Context"));
    }

    @Test
    void isImmutableOnceBuilt() {
        AmiAction.Builder builder = AmiAction.builder("Ping").header("A", "1");
        AmiAction first = builder.build();
        builder.header("B", "2");
        assertEquals(1, first.size());
        assertEquals(2, builder.build().size());
        assertEquals(2, first.toBuilder().header("C", "3").build().size());
    }

    @Test
    void toStringShowsNoValues() {
        AmiAction login = AmiAction.builder("Login").header("Username", "admin").header("Secret", "amp111").build();
        assertFalse(login.toString().contains("amp111"), login.toString());
        assertTrue(login.toString().contains("Login"));
    }

    @Test
    void refusesMoreHeadersThanAsteriskAccepts() {
        AmiAction.Builder builder = AmiAction.builder("UserEvent");
        for (int i = 0; i < AmiAction.MAX_HEADERS - 2; i++) {
            builder.header("H" + i, "v");
        }
        InvalidHeaderException e = assertThrows(InvalidHeaderException.class, () -> builder.header("Extra", "v"));
        assertEquals("Extra", e.headerName());
        assertEquals(AmiAction.MAX_HEADERS - 2, builder.build().size(), "room kept for Action and ActionID");
    }

    @Test
    void refusesAnEmptyActionName() {
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder(""));
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder(null));
    }
}
