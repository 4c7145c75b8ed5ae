package io.amira.bench.session;

import io.amira.simulator.PacketEnds;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The raw limit of pipelined Pings: one thread on a plain socket keeps {@code window} Pings in
 * flight, counts answers by their packet ends only, and sends one new Ping per answer, all the
 * Pings a read freed in one write. With a window of 1 it is the plain round-trip loop. Latency per
 * Ping from its write to the read that held its answer (answers come in order on one session).
 */
final class RawPingLoop {

    private static final byte[] PING = "Action: Ping\r\nActionID: raw-1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private RawPingLoop() {
    }

    /** Prints one row like PingBench's and returns the actions/s. */
    static double run(String label, String host, int port, int window, int warmupSeconds, int seconds)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write("Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: off\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[128 * 1024];
            PacketEnds ends = new PacketEnds();
            while (ends.count(buffer, read(in, buffer)) == 0) {
                // until the login's answer
            }
            byte[] pings = new byte[PING.length * window];
            for (int i = 0; i < window; i++) {
                System.arraycopy(PING, 0, pings, i * PING.length, PING.length);
            }
            long[] sentAt = new long[window];
            long sent = 0;
            long answered = 0;
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(20), 3);
            long now = System.nanoTime();
            long measureFrom = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            long answeredAtStart = -1;
            for (int i = 0; i < window; i++) {
                sentAt[(int) (sent++ % window)] = now;
            }
            out.write(pings, 0, pings.length);
            while (true) {
                int answers = ends.count(buffer, read(in, buffer));
                now = System.nanoTime();
                boolean measuring = now >= measureFrom;
                if (measuring && answeredAtStart < 0) {
                    answeredAtStart = answered;
                }
                for (int i = 0; i < answers; i++) {
                    long latency = now - sentAt[(int) (answered++ % window)];
                    if (measuring) {
                        histogram.recordValue(latency);
                    }
                }
                if (now >= end) {
                    break;
                }
                for (int i = 0; i < answers; i++) {
                    sentAt[(int) (sent++ % window)] = now;
                }
                if (answers > 0) {
                    out.write(pings, 0, answers * PING.length);
                }
            }
            double perSecond = (answered - answeredAtStart) / ((now - measureFrom) / 1e9);
            System.out.println(String.format(Locale.ROOT, "| %s | %d in flight, 1 thread | %,.0f | %.3f | %.3f | %.3f | 0 |",
                    label, window, perSecond, histogram.getValueAtPercentile(50) / 1e6,
                    histogram.getValueAtPercentile(99) / 1e6, histogram.getValueAtPercentile(99.9) / 1e6));
            return perSecond;
        }
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            throw new IOException("the server closed the raw Ping session");
        }
        return read;
    }
}
