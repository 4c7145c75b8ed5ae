package io.amira.client;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionWriterTest {

    /** Records what reaches the socket and how many writes it took; slow, to make callers pile up. */
    private static final class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
            Thread.onSpinWait();
        }
    }

    @Test
    void everyPacketArrivesWholeAndInEachCallersOrder() throws Exception {
        RecordingStream out = new RecordingStream();
        ActionWriter writer = new ActionWriter(out);
        int threads = 8;
        int perThread = 5000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        writer.write(("Action: Ping\r\nActionID: " + id + "-" + i + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII), i % 2 == 0);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());
        String[] packets = out.bytes.toString(StandardCharsets.US_ASCII).split("\r\n\r\n");
        assertEquals(threads * perThread, packets.length);
        Map<String, Integer> next = new HashMap<>();
        for (String packet : packets) {
            assertTrue(packet.startsWith("Action: Ping\r\nActionID: "), packet);
            String[] id = packet.substring("Action: Ping\r\nActionID: ".length()).split("-");
            int expected = next.getOrDefault(id[0], 0);
            assertEquals(expected, Integer.parseInt(id[1]), "order of caller " + id[0]);
            next.put(id[0], expected + 1);
        }
        assertTrue(out.writes.get() <= threads * perThread);
    }

    @Test
    void aFailedWriteFailsLaterWrites() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ActionWriter writer = new ActionWriter(broken);
        byte[] packet = "Action: Ping\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class, () -> writer.write(packet, false));
        IOException later = assertThrows(IOException.class, () -> writer.write(packet, false));
        assertTrue(later.getMessage().contains("Broken pipe"), later.getMessage());
    }
}
