package io.amira.it.cluster.mdb;

import io.amira.api.AmiEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Test-only: the events a node's recorder MDB delivered, one line each ({@code millis|}{@link
 * EventLine}), appended with one write per line to the file the system property
 * {@value #PROPERTY} names. What is written survives a {@code kill -9} of the server.
 */
public final class RecordFile {

    public static final String PROPERTY = "amira.it.cluster.record-file";

    private RecordFile() {
    }

    static void append(AmiEvent event) {
        ByteBuffer bytes = ByteBuffer.wrap((System.currentTimeMillis() + "|" + EventLine.of(event) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        FileChannel channel = Holder.CHANNEL;
        try {
            synchronized (channel) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record " + event.name(), e);
        }
    }

    /** Opened on the first event. */
    private static final class Holder {
        static final FileChannel CHANNEL = open();
    }

    private static FileChannel open() {
        String file = System.getProperty(PROPERTY);
        if (file == null) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set");
        }
        try {
            return FileChannel.open(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
    }
}
