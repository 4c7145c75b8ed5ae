package io.amira.bench.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The least an AMI server can do for pipelined Pings: one thread per connection that reads
 * whatever arrived, answers every packet in it (Challenge, Login, CoreSettings, Command, Logoff; anything else as a Ping) and
 * writes all the answers with one socket write. No parsing beyond finding packet ends and the
 * ActionID. Used to measure the client's own ceiling, apart from the simulator's costs.
 */
final class RawPingServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RawPingServer.class.getName());
    private static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket serverSocket;
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    RawPingServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "raw-ping-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.add(socket);
                }
                Thread session = new Thread(() -> serve(socket), "raw-ping-session");
                session.setDaemon(true);
                session.start();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "raw responder stopped accepting: {0}", e.toString());
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(BANNER);
            byte[] input = new byte[256 * 1024];
            byte[] output = new byte[1024 * 1024];
            int kept = 0;
            while (true) {
                int read = in.read(input, kept, input.length - kept);
                if (read < 0) {
                    return;
                }
                int end = kept + read;
                int packetStart = 0;
                int written = 0;
                boolean logoff = false;
                for (int i = 3; i < end; i++) {
                    if (input[i] == '\n' && input[i - 1] == '\r' && input[i - 2] == '\n' && input[i - 3] == '\r') {
                        String packet = new String(input, packetStart, i + 1 - packetStart, StandardCharsets.US_ASCII);
                        String reply = reply(packet);
                        logoff |= reply.startsWith("Response: Goodbye");
                        byte[] bytes = reply.getBytes(StandardCharsets.US_ASCII);
                        if (written + bytes.length > output.length) {
                            out.write(output, 0, written);
                            written = 0;
                        }
                        System.arraycopy(bytes, 0, output, written, bytes.length);
                        written += bytes.length;
                        packetStart = i + 1;
                    }
                }
                out.write(output, 0, written);
                if (logoff) {
                    return;
                }
                kept = end - packetStart;
                System.arraycopy(input, packetStart, input, 0, kept);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "raw responder session ended: {0}", e.toString());
        }
    }

    private static String reply(String packet) {
        String actionId = header(packet, "ActionID");
        String id = actionId == null ? "" : "ActionID: " + actionId + "\r\n";
        String action = header(packet, "Action");
        if ("Login".equalsIgnoreCase(action)) {
            return "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n";
        }
        if ("Challenge".equalsIgnoreCase(action)) {
            return "Response: Success\r\n" + id + "Challenge: 190021329\r\n\r\n";
        }
        // asterisk-java asks for the version after login.
        if ("CoreSettings".equalsIgnoreCase(action)) {
            return "Response: Success\r\n" + id + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n\r\n";
        }
        if ("Command".equalsIgnoreCase(action)) {
            return "Response: Success\r\n" + id + "Message: Command output follows\r\n"
                    + "Output: Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux\r\n\r\n";
        }
        if ("Logoff".equalsIgnoreCase(action)) {
            return "Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n";
        }
        return "Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: 1795383180.600518\r\n\r\n";
    }

    /** Header names in any case (asterisk-java writes them in lower case). */
    private static String header(String packet, String name) {
        String lower = packet.toLowerCase(java.util.Locale.ROOT);
        String key = name.toLowerCase(java.util.Locale.ROOT) + ": ";
        int at = lower.indexOf("\n" + key);
        int start = at < 0 ? (lower.startsWith(key) ? key.length() : -1) : at + key.length() + 1;
        if (start < 0) {
            return null;
        }
        return packet.substring(start, packet.indexOf('\r', start));
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
