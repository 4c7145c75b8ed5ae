package io.amira.it;

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
        return new WildFlyPorts(FreePorts.shift(BASE_PORTS, 100, 20_000, 1));
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
}
