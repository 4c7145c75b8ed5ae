package io.amira.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real Asterisk 22 recordings (copied from shared/ami-transcripts into test resources). */
final class Transcripts {

    static final List<String> RX = List.of(
            "00-nc-quickcheck.rx", "01-login-success.rx", "02-login-failure.rx", "02b-login-unknown-user.rx",
            "02c-action-before-login.rx", "03-challenge-md5-login.rx", "03b-challenge-md5-login-bad-key.rx",
            "04-list-actions.rx", "05-command.rx", "06-originate-async-events.rx", "07-errors.rx",
            "09-originate-sync.rx", "10-permissions-readonly.rx", "10b-permissions-limited.rx", "11-tls-login.rx",
            "12-events-action-userevent.rx");

    private Transcripts() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream("transcripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource transcripts/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An independent, naive reading of a CRLF transcript (String.split, no legacy Command form):
     * the oracle the decoder is compared with. Element 0 is the banner as a one-element list.
     */
    static List<List<String[]>> naivePackets(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String[]>> packets = new ArrayList<>();
        int bannerEnd = text.indexOf("\r\n");
        String banner = text.substring(0, bannerEnd);
        packets.add(List.<String[]>of(new String[] {banner}));
        String rest = text.substring(bannerEnd + 2);
        for (String block : rest.split("\r\n\r\n")) {
            if (block.isEmpty()) {
                continue;
            }
            List<String[]> headers = new ArrayList<>();
            for (String line : block.split("\r\n", -1)) {
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                headers.add(new String[] {line.substring(0, colon), value});
            }
            packets.add(headers);
        }
        return packets;
    }
}
