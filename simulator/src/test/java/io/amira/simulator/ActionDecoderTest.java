package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionDecoderTest {
    private final List<Packet> packets = new ArrayList<>();
    private final ActionDecoder decoder = new ActionDecoder("test");

    private void feed(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        decoder.decode(b, 0, b.length, packets::add);
    }

    @Test
    void decodesAcrossArbitraryReadBoundaries() {
        String text = "Action: Login\r\nUsername: admin\r\nSecret: amp111\r\n\r\nAction: Ping\r\n\r\n";
        for (char c : text.toCharArray()) {
            feed(String.valueOf(c));
        }
        assertEquals(2, packets.size());
        assertEquals("admin", packets.get(0).get("username"));
        assertEquals("Ping", packets.get(1).get("Action"));
    }

    @Test
    void keepsOrderRepeatsEmptyValuesAndAcceptsBareLf() {
        feed("Action: Originate\nVariable: A=1\nVariable: B=2\nAccount:\nData:   spaced value\n\n");
        Packet p = packets.get(0);
        assertEquals(List.of("A=1", "B=2"), p.getAll("Variable"));
        assertEquals("", p.get("Account"));
        assertEquals("spaced value", p.get("Data"));
        assertEquals("Variable", p.name(1));
    }

    @Test
    void dropsLinesOverTheLimitAndHeadersOverOneHundredTwentyEight() {
        StringBuilder sb = new StringBuilder("Action: Ping\r\nLong: ").append("x".repeat(2000)).append("\r\n");
        for (int i = 0; i < 200; i++) {
            sb.append("H").append(i).append(": v\r\n");
        }
        feed(sb.append("\r\n").toString());
        Packet p = packets.get(0);
        assertNull(p.get("Long"));
        assertEquals(ActionDecoder.MAX_HEADERS, p.size());
        assertEquals("Ping", p.get("Action"));
    }

    @Test
    void ignoresLinesWithoutAColonAndBlankLinesBetweenPackets() {
        feed("\r\n\r\nnot a header\r\nAction: Ping\r\n\r\n");
        assertEquals(1, packets.size());
        assertEquals(1, packets.get(0).size());
    }

    @Test
    void eventClassesParseLikeManagerConf() {
        assertEquals(EventClass.CALL | EventClass.USER, EventClass.parseList("call,user"));
        assertEquals(EventClass.ALL, EventClass.parseEventMask("on"));
        assertEquals(0, EventClass.parseEventMask("off"));
        assertEquals(EventClass.CALL, EventClass.namedClasses("call,all"));
        assertEquals("call,all", EventClass.privilege(EventClass.CALL));
        assertEquals("system,reporting,all", EventClass.privilege(EventClass.SYSTEM | EventClass.REPORTING));
    }
}
