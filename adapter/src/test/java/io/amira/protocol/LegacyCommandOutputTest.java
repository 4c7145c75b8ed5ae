package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asterisk 13 and older: Response: Follows, a raw body, --END COMMAND--. */
class LegacyCommandOutputTest {

    private static List<AmiMessage> decode(String text) {
        CollectingSink sink = new CollectingSink();
        new AmiDecoder().decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sink);
        return sink.messages;
    }

    @Test
    void rawBodyWithBareLfLinesBecomesOutputLines() throws Exception {
        List<AmiMessage> m = decode("Asterisk Call Manager/1.3\r\n"
                + "Response: Follows\r\nPrivilege: Command\r\nActionID: c1\r\n"
                + "Channel              Location             State   Application(Data)\n"
                + "0 active channels\n"
                + "0 active calls\n"
                + "--END COMMAND--\r\n\r\n"
                + "Response: Success\r\nActionID: p\r\nPing: Pong\r\n\r\n");
        assertEquals(2, m.size());
        AmiMessage follows = m.get(0);
        assertEquals(AmiMessage.Kind.RESPONSE, follows.kind());
        assertEquals("Follows", follows.responseOrEventName());
        assertEquals("c1", follows.actionId());
        assertTrue(follows.isLegacyCommandOutput());
        assertEquals(List.of("Channel              Location             State   Application(Data)",
                "0 active channels", "0 active calls"), follows.outputLines());
        assertEquals(3, follows.size(), "Response, Privilege, ActionID are headers");
        assertEquals("p", m.get(1).actionId());
        assertFalse(m.get(1).isLegacyCommandOutput());
    }

    @Test
    void bodyLinesWithColonsEmptyLinesAndCrLfStayBodyLines() throws Exception {
        List<AmiMessage> m = decode("Response: Follows\r\nPrivilege: Command\r\nActionID: c2\r\n"
                + "Verbosity: 3\n\nCore debug is at 0\r\n\r\nActionID: not a header\n--END COMMAND--\r\n\r\n");
        assertEquals(1, m.size());
        assertEquals(List.of("Verbosity: 3", "", "Core debug is at 0", "", "ActionID: not a header"),
                m.get(0).outputLines());
        assertEquals("c2", m.get(0).actionId());
    }

    @Test
    void aLastLineWithoutNewlineSharesTheLineWithTheEndMarker() throws Exception {
        List<AmiMessage> m = decode("Response: Follows\r\nPrivilege: Command\r\n"
                + "No such command 'foo'\n"
                + "see help--END COMMAND--\r\n\r\n");
        assertEquals(List.of("No such command 'foo'", "see help"), m.get(0).outputLines());
        assertNull(m.get(0).actionId());
    }

    @Test
    void emptyBody() throws Exception {
        List<AmiMessage> m = decode("Response: Follows\r\nPrivilege: Command\r\nActionID: e\r\n--END COMMAND--\r\n\r\n"
                + "Event: FullyBooted\r\nPrivilege: system,all\r\n\r\n");
        assertEquals(2, m.size());
        assertTrue(m.get(0).isLegacyCommandOutput());
        assertEquals(List.of(), m.get(0).outputLines());
        assertEquals("FullyBooted", m.get(1).responseOrEventName());
    }

    @Test
    void followsIsNotDecidedByTheMessageText() throws Exception {
        List<AmiMessage> m = decode("Response: Success\r\nMessage: Command output follows\r\nPrivilege: Command\r\n"
                + "Output: x\r\n\r\n");
        assertFalse(m.get(0).isLegacyCommandOutput());
        assertEquals(List.of("x"), m.get(0).outputLines());
    }

    @Test
    void aFollowsResponseWithoutCommandPrivilegeIsAnOrdinaryPacket() throws Exception {
        List<AmiMessage> m = decode("Response: Follows\r\nActionID: z\r\nFoo: bar\r\n\r\n");
        assertFalse(m.get(0).isLegacyCommandOutput());
        assertEquals("bar", m.get(0).get("foo"));
    }
}
