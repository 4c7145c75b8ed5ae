package io.amira.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A plain socket AMI client for tests: writes raw bytes, reads the banner and packets as text. */
final class RawAmiClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawAmiClient(AmiSimulator sim) throws IOException {
        this(sim, false);
    }

    RawAmiClient(AmiSimulator sim, boolean tls) throws IOException {
        if (tls) {
            try {
                KeyStore ts = KeyStore.getInstance(sim.trustStoreType());
                try (InputStream tin = Files.newInputStream(sim.trustStorePath())) {
                    ts.load(tin, sim.trustStorePassword().toCharArray());
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(sim.host(), sim.port());
                var params = s.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
                s.startHandshake();
                socket = s;
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
        } else {
            socket = new Socket(sim.host(), sim.port());
        }
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    String readBanner() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends an action given as alternating header names and values. */
    void action(String... nameValues) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            sb.append(nameValues[i]).append(": ").append(nameValues[i + 1]).append("\r\n");
        }
        send(sb.append("\r\n").toString());
    }

    /** Reads up to and including the next blank line; null on end of stream. */
    String readPacketText(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = c == '\r' ? (state == 2 ? 3 : 1) : c == '\n' ? (state == 1 ? 2 : state == 3 ? 4 : 0) : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.UTF_8);
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    List<String[]> readPacket() throws IOException {
        return parse(readPacketText(Duration.ofSeconds(10)));
    }

    /** Reads packets until one has the given header value (case-insensitive name); returns it. */
    List<String[]> readUntil(String header, String value) throws IOException {
        while (true) {
            List<String[]> p = readPacket();
            if (p == null) {
                throw new IOException("connection closed before " + header + ": " + value);
            }
            if (value.equals(get(p, header))) {
                return p;
            }
        }
    }

    /** True when the server closed the connection (EOF or reset) within the timeout. */
    boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static List<String[]> parse(String text) {
        if (text == null) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
            }
        }
        return headers;
    }

    static String get(List<String[]> packet, String name) {
        for (String[] h : packet) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    Socket socket() {
        return socket;
    }

    InputStream in() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
