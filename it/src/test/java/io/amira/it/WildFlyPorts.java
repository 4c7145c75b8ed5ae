package io.amira.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a WildFly port offset under which every port of standalone-full.xml is free, so the
 * integration tests never collide with another server on this machine.
 */
final class WildFlyPorts {

    private static final int[] BASE_PORTS = {8009, 8080, 8443, 3528, 3529, 9990, 9993, 4712, 4713};
    private static final int MANAGEMENT_HTTP = 9990;
    private static final int HTTP = 8080;

    private final int offset;

    private WildFlyPorts(int offset) {
        this.offset = offset;
    }

    static WildFlyPorts pickFree() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 20_000);
            if (allFree(offset)) {
                return new WildFlyPorts(offset);
            }
        }
        throw new IllegalStateException("No free WildFly port offset found after 100 attempts");
    }

    int offset() {
        return offset;
    }

    int managementPort() {
        return MANAGEMENT_HTTP + offset;
    }

    int httpPort() {
        return HTTP + offset;
    }

    private static boolean allFree(int offset) {
        for (int base : BASE_PORTS) {
            try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }
}
