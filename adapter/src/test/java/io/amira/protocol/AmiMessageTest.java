package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmiMessageTest {

    @Test
    void kindComesFromTheFirstResponseOrEventHeaderInAnyCase() {
        AmiMessage event = AmiMessage.of(null, new String[] {"event", "Privilege"}, new String[] {"Hangup", "call,all"});
        assertEquals(AmiMessage.Kind.EVENT, event.kind());
        assertEquals("Hangup", event.responseOrEventName());
        assertTrue(event.isEvent());

        AmiMessage response = AmiMessage.of(null, new String[] {"ActionID", "RESPONSE"}, new String[] {"9", "Pong"});
        assertEquals(AmiMessage.Kind.RESPONSE, response.kind());
        assertEquals("Pong", response.responseOrEventName());
        assertEquals("9", response.actionId());

        AmiMessage other = AmiMessage.of(null, new String[] {"Foo"}, new String[] {"bar"});
        assertEquals(AmiMessage.Kind.OTHER, other.kind());
        assertNull(other.responseOrEventName());
        assertEquals("", other.name());
    }

    @Test
    void outputLinesAreTheOutputHeadersOfTheModernForm() {
        AmiMessage m = AmiMessage.of(null, new String[] {"Response", "Output", "Message", "output"},
                new String[] {"Success", "a", "Command output follows", ""});
        assertEquals(List.of("a", ""), m.outputLines());
        assertFalse(m.isLegacyCommandOutput());
        assertEquals(List.of(), m.getAll("Variable"));
        assertThrows(UnsupportedOperationException.class, () -> m.getAll("Output").add("x"));
    }

    @Test
    void toStringNamesThePacketButNoValues() {
        AmiMessage m = AmiMessage.of(null, new String[] {"Event", "ActionID", "Secret"}, new String[] {"X", "7", "hidden"});
        assertTrue(m.toString().contains("EVENT X"), m.toString());
        assertFalse(m.toString().contains("hidden"));
    }

    @Test
    void refusesArraysOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> AmiMessage.of(null, new String[1], new String[2]));
    }
}
