package io.amira.client;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A one-connection fake Asterisk on a raw socket that answers with whatever a production PBX can
 * send: Command output of any length in both forms, lists of any length, single lines of any
 * length, events with any number of headers. Answers are streamed out as they are generated, so
 * the server holds none of them in memory. Actions understood (besides Login, Ping, Logoff):
 * <ul>
 * <li>{@code Command} with {@code Command: output N} ({@code Output:} lines),
 *     {@code legacy N} ({@code Response: Follows} body lines, some empty),
 *     {@code longline N} (one {@code Output:} line of N bytes);</li>
 * <li>{@code CoreShowChannels} with {@code Count: N}: a list of N items;</li>
 * <li>{@code UserEvent} with {@code Headers: N}: answers, then sends an unsolicited
 *     {@code UserEvent} with N headers (no ActionID).</li>
 * </ul>
 */
final class LargeAnswerServer implements AutoCloseable {

    private final ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final Thread thread;
    private volatile Socket socket;

    LargeAnswerServer() throws IOException {
        thread = new Thread(this::serve, "large-answer-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void serve() {
        try (Socket s = serverSocket.accept()) {
            socket = s;
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            Writer out = new OutputStreamWriter(new BufferedOutputStream(s.getOutputStream(), 64 * 1024),
                    StandardCharsets.ISO_8859_1);
            out.write("Asterisk Call Manager/11.0.0\r\n");
            out.flush();
            Map<String, String> action;
            while ((action = readPacket(in)) != null) {
                answer(action, out);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection, or close() closed the socket: the test is over
        }
    }

    private static Map<String, String> readPacket(BufferedReader in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!headers.isEmpty()) {
                    return headers;
                }
                continue;
            }
            int colon = line.indexOf(':');
            headers.putIfAbsent(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).trim());
        }
        return null;
    }

    private static void answer(Map<String, String> action, Writer out) throws IOException {
        String id = action.get("actionid");
        String name = action.getOrDefault("action", "");
        switch (name.toLowerCase()) {
            case "login":
                out.write("Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n");
                break;
            case "ping":
                out.write("Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n");
                break;
            case "logoff":
                out.write("Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                break;
            case "command":
                command(action.get("command"), id, out);
                break;
            case "coreshowchannels":
                list(Integer.parseInt(action.get("count")), id, out);
                break;
            case "userevent":
                out.write("Response: Success\r\nActionID: " + id + "\r\n\r\n");
                event(Integer.parseInt(action.get("headers")), out);
                break;
            default:
                out.write("Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n");
        }
    }

    private static void command(String command, String id, Writer out) throws IOException {
        String[] words = command.split(" ");
        int n = Integer.parseInt(words[1]);
        switch (words[0]) {
            case "output":
                out.write("Response: Success\r\nActionID: " + id + "\r\nMessage: Command output follows\r\n");
                for (int i = 0; i < n; i++) {
                    out.write("Output: " + outputLine(i) + "\r\n");
                }
                out.write("\r\n");
                break;
            case "legacy":
                out.write("Response: Follows\r\nPrivilege: Command\r\nActionID: " + id + "\r\n");
                for (int i = 0; i < n; i++) {
                    out.write(i % 1000 == 0 ? "\n" : outputLine(i) + "\n");
                }
                out.write("--END COMMAND--\r\n\r\n");
                break;
            case "longline":
                out.write("Response: Success\r\nActionID: " + id + "\r\nMessage: Command output follows\r\nOutput: ");
                for (int i = 0; i < n; i++) {
                    out.write('x');
                }
                out.write("\r\nOutput: after the long line\r\n\r\n");
                break;
            default:
                throw new IllegalArgumentException(command);
        }
    }

    /** Line {@code i} of a generated {@code dialplan show}. */
    static String outputLine(int i) {
        return "  '" + i + "' =>          1. NoOp(extension " + i + ")    [extensions.conf:" + i + "]";
    }

    private static void list(int count, String id, Writer out) throws IOException {
        out.write("Response: Success\r\nActionID: " + id + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
        for (int i = 0; i < count; i++) {
            out.write("Event: CoreShowChannel\r\nActionID: " + id + "\r\nChannel: Local/" + i + "@demo-00000001;1\r\n"
                    + "ChannelState: 6\r\nChannelStateDesc: Up\r\nContext: demo\r\nExten: " + i + "\r\n\r\n");
        }
        out.write("Event: CoreShowChannelsComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: " + count
                + "\r\n\r\n");
    }

    private static void event(int headers, Writer out) throws IOException {
        out.write("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Big\r\n");
        for (int i = 3; i < headers; i++) {
            out.write("Header" + i + ": value " + i + "\r\n");
        }
        out.write("\r\n");
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
