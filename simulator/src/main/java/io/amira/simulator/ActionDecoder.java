package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Incremental decoder of client actions, with Asterisk's limits: lines longer than 1024 bytes are
 * dropped, headers beyond 128 per action ignored; lines end in CRLF or a bare LF.
 */
final class ActionDecoder {
    static final int MAX_LINE = 1024;
    static final int MAX_HEADERS = 128;
    private static final Logger LOG = Logger.getLogger(ActionDecoder.class.getName());

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean discardingLine;
    private Packet current = new Packet();
    private final String peer;

    ActionDecoder(String peer) {
        this.peer = peer;
    }

    void decode(byte[] buf, int off, int len, Consumer<Packet> sink) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '\n') {
                endLine(sink);
            } else if (discardingLine) {
                continue;
            } else if (lineLength == MAX_LINE) {
                LOG.warning(() -> "sim.decoder line-too-long peer=" + peer + " limit=" + MAX_LINE + ": line dropped");
                discardingLine = true;
            } else {
                line[lineLength++] = b;
            }
        }
    }

    private void endLine(Consumer<Packet> sink) {
        if (discardingLine) {
            discardingLine = false;
            lineLength = 0;
            return;
        }
        int len = lineLength;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        lineLength = 0;
        if (len == 0) {
            if (current.size() > 0) {
                Packet done = current;
                current = new Packet();
                sink.accept(done);
            }
            return;
        }
        if (current.size() >= MAX_HEADERS) {
            return;
        }
        String text = new String(line, 0, len, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return;
        }
        int v = colon + 1;
        while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
            v++;
        }
        current.add(text.substring(0, colon), text.substring(v));
    }
}
