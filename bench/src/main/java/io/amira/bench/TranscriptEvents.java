package io.amira.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every event packet ({@code Event: ...} up to its empty line) of the real Asterisk recordings,
 * byte for byte, concatenated. The recordings are found through the system property
 * {@value #PROPERTY}, by default {@code ../shared/ami-transcripts} relative to the repository root.
 */
final class TranscriptEvents {

    static final String PROPERTY = "amira.transcripts";

    final byte[] bytes;
    final int events;

    private TranscriptEvents(byte[] bytes, int events) {
        this.bytes = bytes;
        this.events = events;
    }

    static TranscriptEvents load() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int events = 0;
        for (byte[] recording : recordings()) {
            String text = new String(recording, StandardCharsets.ISO_8859_1);
            for (String packet : text.split("\r\n\r\n")) {
                int start = packet.indexOf("Event: ");
                // the first packet of a file follows the banner line
                if (start == 0 || (start > 0 && packet.startsWith("Asterisk Call Manager/")
                        && packet.lastIndexOf("\r\n", start) == packet.indexOf("\r\n"))) {
                    out.writeBytes((packet.substring(start) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    events++;
                }
            }
        }
        return new TranscriptEvents(out.toByteArray(), events);
    }

    /** Every {@code .rx} recording (the server's side of a session), whole, in file name order. */
    static List<byte[]> recordings() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No transcript directory " + dir + " (the default is ../shared/ami-transcripts"
                    + " relative to the repository root): set -D" + PROPERTY + "=<dir>");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> rx = files.filter(p -> p.toString().endsWith(".rx")).sorted().collect(Collectors.toList());
            if (rx.isEmpty()) {
                throw new IllegalStateException("No .rx transcripts under " + dir + ": set -D" + PROPERTY + "=<dir>");
            }
            List<byte[]> recordings = new ArrayList<>();
            for (Path file : rx) {
                recordings.add(Files.readAllBytes(file));
            }
            return recordings;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the transcripts under " + dir, e);
        }
    }

    private static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Paths.get(configured);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("bench")) && Files.isDirectory(dir.resolve("adapter")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository or set -D" + PROPERTY + "=<dir>");
        }
        return dir.resolve("../shared/ami-transcripts").normalize();
    }
}
