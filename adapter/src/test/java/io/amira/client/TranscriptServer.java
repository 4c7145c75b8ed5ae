package io.amira.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-connection fake Asterisk for tests: sends a recorded banner, then answers the client's
 * n-th packet with the n-th recorded answer (a Response packet and the events after it), its
 * ActionID replaced by the client's. Records what the client sent.
 */
final class TranscriptServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final String banner;
    private final List<String> answers;
    final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Socket socket;

    TranscriptServer(String recordedRx) throws IOException {
        int bannerEnd = recordedRx.indexOf("\r\n") + 2;
        this.banner = recordedRx.substring(0, bannerEnd);
        this.answers = answers(recordedRx.substring(bannerEnd));
        this.serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "transcript-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Groups recorded packets: each Response with the Event packets that follow it. */
    private static List<String> answers(String rx) {
        List<String> answers = new ArrayList<>();
        StringBuilder current = null;
        for (String packet : rx.split("(?<=\r\n\r\n)")) {
            if (packet.startsWith("Response:")) {
                if (current != null) {
                    answers.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(packet);
            }
        }
        if (current != null) {
            answers.add(current.toString());
        }
        return answers;
    }

    private void serve() {
        try (Socket s = serverSocket.accept()) {
            socket = s;
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write(banner.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            int next = 0;
            int b;
            while ((b = in.read()) >= 0) {
                packet.write(b);
                String text = packet.toString(StandardCharsets.UTF_8);
                if (!text.endsWith("\r\n\r\n")) {
                    continue;
                }
                packet.reset();
                received.add(text);
                if (next < answers.size()) {
                    String actionId = header(text, "ActionID");
                    String recordedId = header(answers.get(next), "ActionID");
                    String answer = answers.get(next++);
                    if (actionId != null && recordedId != null) {
                        answer = answer.replace("ActionID: " + recordedId + "\r\n", "ActionID: " + actionId + "\r\n");
                    }
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client closed the connection, or close() closed the server socket: the script is over.
            received.add("<closed: " + e.getMessage() + ">");
        }
    }

    static String header(String packet, String name) {
        for (String line : packet.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
