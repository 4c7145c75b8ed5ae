package io.amira.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/** The listening socket and its accept thread; can stop and listen again on the same port. */
final class AmiServer {
    private static final Logger LOG = Logger.getLogger(AmiServer.class.getName());

    private final InetAddress bindAddress;
    private final SSLContext ssl;
    private final Consumer<Socket> onAccept;
    private int port;
    private ServerSocket serverSocket;
    private Thread acceptor;

    AmiServer(InetAddress bindAddress, int port, SSLContext ssl, Consumer<Socket> onAccept) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.ssl = ssl;
        this.onAccept = onAccept;
    }

    synchronized void listen() throws IOException {
        if (serverSocket != null) {
            return;
        }
        ServerSocket ss = ssl == null ? new ServerSocket() : ssl.getServerSocketFactory().createServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bindAddress, port), 128);
        port = ss.getLocalPort();
        serverSocket = ss;
        Thread t = new Thread(() -> acceptLoop(ss), "amira-sim-accept-" + port);
        t.setDaemon(true);
        t.start();
        acceptor = t;
        LOG.info(() -> "sim.listen " + bindAddress.getHostAddress() + ":" + port + (ssl == null ? "" : " tls"));
    }

    synchronized void stop() {
        if (serverSocket == null) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.fine(() -> "sim.listen close: " + e);
        }
        serverSocket = null;
        // The kernel keeps the listening socket while the accept thread is still inside accept():
        // wait for it, or a connect right after stop() could still succeed.
        if (acceptor != null && acceptor != Thread.currentThread()) {
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acceptor = null;
        LOG.info(() -> "sim.listen stopped port=" + port);
    }

    synchronized boolean isListening() {
        return serverSocket != null;
    }

    synchronized int port() {
        return port;
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                onAccept.accept(s);
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.warning(() -> "sim.accept failed: " + e);
            }
        }
    }
}
