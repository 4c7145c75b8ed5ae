package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amira.api.AmiAction;
import io.amira.api.InvalidHeaderException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AmiEncoderTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void encodesActionActionIdHeadersInOrderAndAnEmptyLine() {
        AmiAction originate = AmiAction.builder("Originate")
                .header("Channel", "Local/100@demo")
                .header("Context", "demo")
                .header("Variable", "A=1")
                .header("Variable", "B=2")
                .header("Account", "")
                .build();
        assertEquals("Action: Originate\r\nActionID: 42\r\nChannel: Local/100@demo\r\nContext: demo\r\n"
                + "Variable: A=1\r\nVariable: B=2\r\nAccount: \r\n\r\n", text(AmiEncoder.encode(originate, "42")));
    }

    @Test
    void withoutAnActionIdTheActionsOwnHeadersAreWrittenAsTheyAre() {
        AmiAction ping = AmiAction.builder("Ping").header("ActionID", "mine").build();
        assertEquals("Action: Ping\r\nActionID: mine\r\n\r\n", text(AmiEncoder.encode(ping, null)));
        assertEquals("Action: Ping\r\nActionID: c-1\r\n\r\n", text(AmiEncoder.encode(ping, "c-1")),
                "the client's ActionID replaces the action's own");
    }

    @Test
    void callerIdHoldingACrLfActionIsRefusedNamingTheHeaderAndNotShowingTheValue() {
        InvalidHeaderException e = assertThrows(InvalidHeaderException.class,
                () -> AmiAction.builder("Originate").header("CallerID", "\"Eve\" <100>\r\nAction: Command\r\nCommand: core stop now"));
        assertEquals("CallerID", e.headerName());
        assertTrue(e.getMessage().contains("CallerID"), e.getMessage());
        assertTrue(e.getMessage().contains("Originate"), e.getMessage());
        assertFalse(e.getMessage().contains("core stop"), "the value is never echoed: " + e.getMessage());
    }

    @Test
    void aLoneCrOrLfAnywhereIsRefused() {
        for (String value : new String[] {"a\rb", "a\nb", "\n", "x\r", "Zoë\nAction: Command"}) {
            assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Setvar").header("Value", value));
        }
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Ping\r\nAction: Command"));
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Ping").header("X\r\nAction", "Command"));
    }

    @Test
    void malformedHeaderNamesAreRefused() {
        for (String name : new String[] {"", "Bad Name", "Bad:Name", "Tab\tName", "Naïve"}) {
            InvalidHeaderException e = assertThrows(InvalidHeaderException.class,
                    () -> AmiAction.builder("Ping").header(name, "v"));
            assertEquals(name, e.headerName());
        }
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Ping").header(null, "v"));
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("Ping").header("Name", (String) null));
    }

    @Test
    void aLineOfExactly1024BytesIsSentAndOneByteMoreIsRefused() {
        String name = "Data";
        String fits = "v".repeat(1024 - name.length() - 4);
        byte[] bytes = AmiEncoder.encode(AmiAction.builder("UserEvent").header(name, fits).build(), null);
        assertTrue(text(bytes).contains(name + ": " + fits + "\r\n"));

        InvalidHeaderException e = assertThrows(InvalidHeaderException.class,
                () -> AmiAction.builder("UserEvent").header(name, fits + "v"));
        assertEquals(name, e.headerName());
        assertTrue(e.getMessage().contains("1025 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void theLineLimitCountsUtf8Bytes() {
        String twoByteChars = "é".repeat(511);   // 1022 bytes of value
        assertThrows(InvalidHeaderException.class, () -> AmiAction.builder("UserEvent").header("D", twoByteChars));
        String ok = "é".repeat(509);             // "D: " + 1018 + CRLF = 1023
        byte[] bytes = AmiEncoder.encode(AmiAction.builder("UserEvent").header("D", ok).build(), null);
        assertTrue(text(bytes).contains("D: " + ok + "\r\n"));
    }

    @Test
    void aBatchOfActionsIsOneBufferThatCanBeReused() throws Exception {
        AmiEncoder encoder = new AmiEncoder();
        for (int i = 0; i < 100; i++) {
            encoder.append(AmiAction.builder("Ping").header("Note", "é" + i).build(), Integer.toString(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.writeTo(out);
        assertArrayEquals(out.toByteArray(), encoder.toByteArray());
        ByteBuffer view = encoder.toByteBuffer();
        assertEquals(encoder.size(), view.remaining());

        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(view, sink);
        assertEquals(100, sink.messages.size());
        assertEquals("99", sink.messages.get(99).get("ActionID"));
        assertEquals("é99", sink.messages.get(99).get("Note"));
        encoder.clear();
        assertEquals(0, encoder.size());
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBackUnchanged() throws Exception {
        AmiAction action = AmiAction.builder("Originate")
                .header("Channel", "PJSIP/alice")
                .header("CallerID", "\"Zoë Çelik\" <100>")
                .header("Variable", " leading and trailing ")
                .header("Variable", "")
                .header("Timeout", 30000)
                .build();
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(AmiEncoder.encode(action, "rt-1")), sink);
        AmiMessage m = sink.messages.get(0);
        assertEquals("Originate", m.get("Action"));
        assertEquals("rt-1", m.actionId());
        for (int i = 0; i < action.size(); i++) {
            assertEquals(action.headerName(i), m.headerName(i + 2));
            assertEquals(action.headerValue(i), m.headerValue(i + 2));
        }
    }
}
