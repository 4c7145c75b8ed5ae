package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Oversized packets for decoder tests, each followed in the same write by a small event a client
 * must still decode ({@code UserEvent: AmiraSimResync}, {@code After: ...}): the proof it
 * resynchronised at the next packet.
 */
final class InjectedPackets {
    static final String RESYNC_EVENT = "AmiraSimResync";

    private InjectedPackets() {
    }

    /** An event whose one header line is exactly {@code length} bytes long (CRLF excluded). */
    static byte[] oversizeLine(int length) {
        String prefix = "Oversize: ";
        StringBuilder sb = new StringBuilder(length + 128).append("Event: Oversize\r\nPrivilege: system,all\r\n").append(prefix);
        for (int i = prefix.length(); i < length; i++) {
            sb.append('x');
        }
        sb.append("\r\n\r\n");
        return withResync(sb, "OversizeLine");
    }

    /**
     * A UserEvent of {@code headers} header lines in all: Event, Privilege, {@code UserEvent: Wide},
     * then {@code Header00001: value00001} and so on.
     */
    static byte[] wideEvent(int headers) {
        if (headers < 3) {
            throw new IllegalArgumentException("a wide event has at least 3 headers: " + headers);
        }
        StringBuilder sb = new StringBuilder(headers * 28).append("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Wide\r\n");
        for (int i = 1; i <= headers - 3; i++) {
            String n = String.format(Locale.ROOT, "%05d", i);
            sb.append("Header").append(n).append(": value").append(n).append("\r\n");
        }
        sb.append("\r\n");
        return withResync(sb, "WideEvent");
    }

    private static byte[] withResync(StringBuilder sb, String after) {
        sb.append("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: ").append(RESYNC_EVENT).append("\r\nAfter: ")
                .append(after).append("\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
