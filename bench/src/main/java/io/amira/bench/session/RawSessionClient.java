package io.amira.bench.session;

import io.amira.simulator.PacketEnds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The raw limit of a session's event path: a plain socket logged in like the clients, read by one
 * thread into a buffer of the size Amira's reader uses, counting packet ends ({@code \r\n\r\n})
 * and building nothing. What the same socket set-up carries when the client does no work at all.
 */
final class RawSessionClient implements SessionClient {

    private static final Logger LOG = Logger.getLogger(RawSessionClient.class.getName());
    private static final int BUFFER_SIZE = 128 * 1024;

    private final Socket socket;
    private final Thread reader;
    private volatile long packets;

    RawSessionClient(String host, int port, boolean eventsOn) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write(("Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: " + (eventsOn ? "on" : "off")
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reader = new Thread(this::read, "raw-session-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buffer = new byte[BUFFER_SIZE];
        PacketEnds ends = new PacketEnds();
        long count = 0;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    return;
                }
                count += ends.count(buffer, read);
                packets = count;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "raw session reader ended: {0}", e.toString());
        }
    }

    @Override
    public void ping() {
        throw new UnsupportedOperationException("the raw session only counts; RawPingLoop pings");
    }

    /** Every packet counted (the bench takes a baseline after the login's own packets). */
    @Override
    public long eventsReceived() {
        return packets;
    }

    @Override
    public void close() throws Exception {
        socket.close();
        reader.join(2000);
    }
}
