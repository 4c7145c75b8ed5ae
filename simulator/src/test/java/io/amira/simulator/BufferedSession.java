package io.amira.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A plain AMI session for tests reading answers of hundreds of megabytes or long event streams. */
class BufferedSession implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[256 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    BufferedSession(AmiSimulator sim) throws IOException {
        this.socket = new Socket(sim.host(), sim.port());
        socket.setSoTimeout(30_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Reads the banner, logs in as admin with that Events value and reads the answer. */
    void login(String events) throws IOException {
        line();
        send("Action: Login\r\nActionID: login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: " + events + "\r\n\r\n");
        List<String> answer;
        do {
            answer = lines();
        } while (!answer.contains("ActionID: login"));
        if (!answer.contains("Response: Success")) {
            throw new IOException("login refused: " + answer);
        }
    }

    synchronized void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line without its CRLF (or LF). */
    String line() throws IOException {
        int n = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    throw new IOException("connection closed");
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, n * 2);
            }
            line[n++] = b;
        }
        return new String(line, 0, n > 0 && line[n - 1] == '\r' ? n - 1 : n, StandardCharsets.UTF_8);
    }

    /** The next packet's lines, FullyBooted skipped. */
    List<String> lines() throws IOException {
        while (true) {
            List<String> lines = new ArrayList<>();
            String l;
            while (!(l = line()).isEmpty()) {
                lines.add(l);
            }
            if (!lines.isEmpty() && !lines.get(0).equals("Event: FullyBooted")) {
                return lines;
            }
        }
    }

    /** The next packet as headers (first value of each, names case-insensitive). */
    Map<String, String> headers() throws IOException {
        Map<String, String> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String l : lines()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                p.putIfAbsent(l.substring(0, colon), l.substring(colon + 1).trim());
            }
        }
        return p;
    }

    /** Reads and drops whatever the server sends, so that a session that only acts never blocks it. */
    void drainAnswers() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                while (in.read(buf) >= 0) {
                    continue;
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new IllegalStateException("the session ended early", e);
                }
            }
        }, "drain-answers");
        t.setDaemon(true);
        t.start();
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
