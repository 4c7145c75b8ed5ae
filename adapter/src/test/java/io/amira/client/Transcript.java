package io.amira.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One recorded scenario of ami-transcripts/asterisk-22: the client's packets and the server's answers. */
final class Transcript {

    final String name;
    /** The client's packets, headers in order (name, value pairs). */
    final List<List<String[]>> sent;
    /** The server's packets after the banner. */
    final List<List<String[]>> received;

    private Transcript(String name, List<List<String[]>> sent, List<List<String[]>> received) {
        this.name = name;
        this.sent = sent;
        this.received = received;
    }

    static Transcript load(String name) throws IOException {
        String tx = read(name + ".tx");
        String rx = read(name + ".rx");
        int bannerEnd = rx.indexOf("\r\n");
        return new Transcript(name, packets(tx), packets(rx.substring(bannerEnd + 2)));
    }

    private static String read(String file) throws IOException {
        try (InputStream in = Transcript.class.getResourceAsStream("/ami-transcripts/asterisk-22/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource ami-transcripts/asterisk-22/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<List<String[]>> packets(String text) {
        List<List<String[]>> packets = new ArrayList<>();
        for (String block : text.split("\r\n\r\n")) {
            if (block.isBlank()) {
                continue;
            }
            List<String[]> headers = new ArrayList<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String value = line.substring(colon + 1);
                    headers.add(new String[] {line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value});
                }
            }
            packets.add(headers);
        }
        return packets;
    }

    static String get(List<String[]> packet, String header) {
        for (String[] h : packet) {
            if (h[0].equalsIgnoreCase(header)) {
                return h[1];
            }
        }
        return null;
    }

    /** The recorded {@code Response} value for each ActionID the server answered. */
    Map<String, String> responsesByActionId() {
        Map<String, String> responses = new LinkedHashMap<>();
        for (List<String[]> packet : received) {
            if (!packet.isEmpty() && packet.get(0)[0].equalsIgnoreCase("Response") && get(packet, "ActionID") != null) {
                responses.putIfAbsent(get(packet, "ActionID"), packet.get(0)[1]);
            }
        }
        return responses;
    }

    /** The recorded {@code Response} values in order, for scenarios sent without ActionIDs. */
    List<String> responsesInOrder() {
        List<String> responses = new ArrayList<>();
        for (List<String[]> packet : received) {
            if (!packet.isEmpty() && packet.get(0)[0].equalsIgnoreCase("Response")) {
                responses.add(packet.get(0)[1]);
            }
        }
        return responses;
    }
}
