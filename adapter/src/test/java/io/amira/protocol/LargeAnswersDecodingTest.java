package io.amira.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers as large as a production PBX gives them, one after the other on one stream, in socket-sized reads. */
class LargeAnswersDecodingTest {

    private static final int LINES = 200_000;

    @Test
    void hugeCommandOutputInBothFormsAHugeEventAndAListThenAPing() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        write(stream, "Asterisk Call Manager/11.0.0\r\n");
        write(stream, "Response: Success\r\nActionID: 1\r\nMessage: Command output follows\r\n");
        for (int i = 0; i < LINES; i++) {
            write(stream, "Output:   '" + i + "' =>          1. NoOp(line " + i + ")   [extensions.conf:" + i + "]\r\n");
        }
        write(stream, "\r\nResponse: Follows\r\nPrivilege: Command\r\nActionID: 2\r\n");
        for (int i = 0; i < LINES; i++) {
            write(stream, i % 1000 == 0 ? "\n" : "legacy line " + i + "\n");
        }
        write(stream, "--END COMMAND--\r\n\r\nEvent: VarSet\r\nPrivilege: dialplan,all\r\n");
        for (int i = 0; i < 10_000; i++) {
            write(stream, "Header" + i + ": value " + i + "\r\n");
        }
        write(stream, "\r\nResponse: Success\r\nActionID: 3\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
        for (int i = 0; i < LINES; i++) {
            write(stream, "Event: CoreShowChannel\r\nActionID: 3\r\nChannel: Local/" + i + "@demo-0001;1\r\n\r\n");
        }
        write(stream, "Event: CoreShowChannelsComplete\r\nActionID: 3\r\nEventList: Complete\r\nListItems: " + LINES
                + "\r\n\r\nResponse: Success\r\nActionID: 4\r\nPing: Pong\r\n\r\n");
        byte[] bytes = stream.toByteArray();

        AmiDecoder decoder = new AmiDecoder();
        CountingSink sink = new CountingSink();
        for (int p = 0; p < bytes.length; p += 128 * 1024) {
            decoder.decode(ByteBuffer.wrap(bytes, p, Math.min(128 * 1024, bytes.length - p)), sink);
        }

        assertTrue(sink.dropped == 0);
        assertEquals(LINES + 3 + 1 + 2, sink.messages, "command, legacy command, event, list response, items, end, ping");
        List<String> output = sink.command.outputLines();
        assertEquals(LINES, output.size());
        assertEquals("  '0' =>          1. NoOp(line 0)   [extensions.conf:0]", output.get(0));
        assertEquals("  '199999' =>          1. NoOp(line 199999)   [extensions.conf:199999]", output.get(LINES - 1));
        List<String> legacy = sink.legacyCommand.outputLines();
        assertEquals(LINES, legacy.size());
        assertEquals("", legacy.get(1000));
        assertEquals("legacy line 199999", legacy.get(LINES - 1));
        assertEquals(10_002, sink.event.size());
        assertEquals("value 9999", sink.event.get("Header9999"));
        assertEquals(LINES, sink.listItems);
        assertEquals("4", sink.last.actionId());
        assertTrue(decoder.headerCapacity() <= 1024, "the header arrays grown for 200,000 lines are given back");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static final class CountingSink implements AmiMessageSink {
        int messages;
        int dropped;
        int listItems;
        AmiMessage command;
        AmiMessage legacyCommand;
        AmiMessage event;
        AmiMessage last;

        @Override
        public void onBanner(String banner) {
        }

        @Override
        public void onMessage(AmiMessage message) {
            messages++;
            last = message;
            if ("1".equals(message.actionId())) {
                command = message;
            } else if ("2".equals(message.actionId())) {
                legacyCommand = message;
            } else if ("VarSet".equals(message.responseOrEventName())) {
                event = message;
            } else if ("CoreShowChannel".equals(message.responseOrEventName())) {
                listItems++;
            }
        }

        @Override
        public void onDropped(DroppedPacket packet) {
            dropped++;
        }
    }
}
