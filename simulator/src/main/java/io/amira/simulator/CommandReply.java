package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The answer to the Command action, encoded slice by slice as the session's writer sends it, so an
 * output of 200,000 lines streams. Asterisk 14+ form: {@code Response: Success} (or Error),
 * {@code Message: Command output follows}, one {@code Output:} header per line. Asterisk 13 form:
 * {@code Response: Follows}, {@code Privilege: Command}, the raw lines ending in LF, then
 * {@code --END COMMAND--}.
 */
final class CommandReply implements ReplyStream {
    private static final int SLICE_CHARS = 64 * 1024;

    private final CommandStyle style;
    private final boolean ok;
    private final String actionId;
    private Iterator<String> lines;
    private boolean started;

    CommandReply(CommandStyle style, boolean ok, String actionId, Iterator<String> lines) {
        this.style = style;
        this.ok = ok;
        this.actionId = actionId;
        this.lines = lines;
    }

    @Override
    public byte[] next() {
        if (lines == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(SLICE_CHARS + 1024);
        if (!started) {
            started = true;
            head(sb);
        }
        boolean legacy = style == CommandStyle.LEGACY;
        while (lines.hasNext() && sb.length() < SLICE_CHARS) {
            String line = lines.next();
            if (legacy) {
                sb.append(line).append('\n');
            } else {
                sb.append("Output: ").append(line).append("\r\n");
            }
        }
        if (!lines.hasNext()) {
            sb.append(legacy ? "--END COMMAND--\r\n\r\n" : "\r\n");
            lines = null;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void head(StringBuilder sb) {
        if (style == CommandStyle.LEGACY) {
            sb.append("Response: Follows\r\nPrivilege: Command\r\n");
            if (actionId != null) {
                sb.append("ActionID: ").append(actionId).append("\r\n");
            }
        } else {
            Packet.response(ok ? "Success" : "Error", actionId).add("Message", "Command output follows").appendTo(sb);
            sb.setLength(sb.length() - 2);
        }
    }
}
