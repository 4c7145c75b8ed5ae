package io.amira.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Moves a server's fixed set of ports (WildFly's port offset, Payara's port base) to a random place
 * where every one of them is free on loopback, so test servers never collide with another server
 * on this machine.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A multiple of {@code step} in [{@code from}, {@code to}) that, added to each of {@code ports}, gives free ports. */
    static int shift(int[] ports, int from, int to, int step) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int shift = ThreadLocalRandom.current().nextInt(from / step, to / step) * step;
            if (allFree(ports, shift)) {
                return shift;
            }
        }
        throw new IllegalStateException("No free place for the ports " + Arrays.toString(ports) + " after 100 attempts");
    }

    private static boolean allFree(int[] ports, int shift) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port + shift, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }
}
