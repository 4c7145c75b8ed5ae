package io.amira.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a script of AMI actions over a socket and keeps every byte received, with the arrival time
 * of each packet. Used by {@link AmiRecorder} against a real Asterisk and by tests against the
 * simulator, so both answer the same conversation.
 * <p>
 * The script holds AMI actions separated by blank lines, as a {@code .tx} file, plus directive
 * lines: {@code # sleep MS}; {@code # await TEXT} (until the received bytes contain TEXT after the
 * previous await, or 30 s); {@code # capture NAME HEADER} (the value of the first {@code HEADER:}
 * line from the text last awaited on replaces {@code {NAME}} in later actions); {@code # repeat N}
 * (sends the next action N times, {@code {n}} in it replaced by 1..N, in one write);
 * {@code # end MS} (keep recording MS after the last action, default 1000).
 */
final class ScriptPlayer {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final List<Long> packetNanos = new ArrayList<>();
    private final Map<String, String> captured = new HashMap<>();
    private int awaitFrom;
    private int awaitedAt;
    private int blankState;

    private double sleepScale = 1;

    /** Connects, plays the script, waits for its end, closes. */
    static ScriptPlayer play(String script, String host, int port) throws IOException, InterruptedException {
        return play(script, host, port, 1);
    }

    /** The same with every {@code # sleep} and {@code # end} multiplied by {@code sleepScale}. */
    static ScriptPlayer play(String script, String host, int port, double sleepScale)
            throws IOException, InterruptedException {
        ScriptPlayer player = new ScriptPlayer();
        player.sleepScale = sleepScale;
        try (Socket socket = new Socket(host, port)) {
            player.play(script, socket.getInputStream(), socket.getOutputStream());
        }
        return player;
    }

    private void play(String script, InputStream in, OutputStream out) throws IOException, InterruptedException {
        Thread reader = new Thread(() -> read(in), "script-player-reader");
        reader.setDaemon(true);
        reader.start();
        long endMillis = 1000;
        int repeat = 1;
        StringBuilder action = new StringBuilder();
        for (String line : (script.replace("\r\n", "\n") + "\n\n").split("\n", -1)) {
            if (line.startsWith("# ")) {
                String[] d = line.substring(2).trim().split(" ", 2);
                switch (d[0]) {
                    case "sleep": Thread.sleep((long) (Long.parseLong(d[1]) * sleepScale)); break;
                    case "await": await(d[1]); break;
                    case "repeat": repeat = Integer.parseInt(d[1]); break;
                    case "end": endMillis = Long.parseLong(d[1]); break;
                    case "capture": capture(d[1].split(" ", 2)); break;
                    default: throw new IllegalArgumentException("unknown directive: " + line);
                }
            } else if (line.isEmpty()) {
                if (action.length() > 0) {
                    send(out, action.toString(), repeat);
                    action.setLength(0);
                    repeat = 1;
                }
            } else {
                action.append(line).append("\r\n");
            }
        }
        Thread.sleep((long) (endMillis * sleepScale));
    }

    private void send(OutputStream out, String action, int repeat) throws IOException {
        String text = action;
        for (Map.Entry<String, String> c : captured.entrySet()) {
            text = text.replace("{" + c.getKey() + "}", c.getValue());
        }
        StringBuilder batch = new StringBuilder();
        for (int n = 1; n <= repeat; n++) {
            batch.append(text.replace("{n}", Integer.toString(n))).append("\r\n");
        }
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        sent.write(bytes);
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    byte[] sent() {
        return sent.toByteArray();
    }

    /** For each packet received, nanoseconds since the first. */
    List<Long> packetTimes() {
        synchronized (received) {
            List<Long> times = new ArrayList<>(packetNanos.size());
            for (long t : packetNanos) {
                times.add(t - packetNanos.get(0));
            }
            return times;
        }
    }

    private void read(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                long now = System.nanoTime();
                synchronized (received) {
                    received.write(buf, 0, n);
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        if (b == '\n') {
                            if (blankState == 1) {
                                packetNanos.add(now);
                            }
                            blankState = 1;
                        } else if (b != '\r') {
                            blankState = 0;
                        }
                    }
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // The script ended and closed the socket, or the server did: what came so far is the recording.
            synchronized (received) {
                received.notifyAll();
            }
        }
    }

    private void capture(String[] nameAndHeader) {
        synchronized (received) {
            String all = received.toString(StandardCharsets.UTF_8);
            int at = all.indexOf("\r\n" + nameAndHeader[1] + ": ", awaitedAt);
            if (at < 0) {
                throw new IllegalStateException("nothing to capture: " + nameAndHeader[1] + " in what came after the await:\n"
                        + all.substring(awaitedAt));
            }
            int from = at + nameAndHeader[1].length() + 4;
            captured.put(nameAndHeader[0], all.substring(from, all.indexOf("\r\n", from)));
        }
    }

    private void await(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        synchronized (received) {
            while (true) {
                String all = received.toString(StandardCharsets.UTF_8);
                int at = all.indexOf(text, awaitFrom);
                if (at >= 0) {
                    awaitedAt = at;
                    awaitFrom = at + text.length();
                    return;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("timed out awaiting: " + text);
                }
                received.wait(left);
            }
        }
    }
}
