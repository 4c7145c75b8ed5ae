package io.amira.it;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Picks a WildFly port offset under which every port the server opens is free, so the integration
 * tests never collide with another server on this machine.
 */
public final class WildFlyPorts {

    private static final int MANAGEMENT_HTTP = 9990;
    private static final int HTTP = 8080;
    private static final int JGROUPS_TCP = 7600;
    private static final int JGROUPS_FAILURE_DETECTION = 57600;
    /** The listening ports of standalone-full.xml. */
    private static final int[] STANDALONE_FULL = {8009, HTTP, 8443, 3528, 3529, MANAGEMENT_HTTP, 9993, 4712, 4713};
    /** standalone-full-ha.xml as docs/wildfly/cluster.cli configures it: plus JGroups TCP and its failure detection. */
    private static final int[] CLUSTER_NODE = IntStream.concat(Arrays.stream(STANDALONE_FULL),
            IntStream.of(JGROUPS_TCP, JGROUPS_FAILURE_DETECTION)).toArray();

    private final int offset;
    private final int[] basePorts;

    private WildFlyPorts(int offset, int[] basePorts) {
        this.offset = offset;
        this.basePorts = basePorts;
    }

    static WildFlyPorts pickFree() {
        return new WildFlyPorts(FreePorts.shift(STANDALONE_FULL, 100, 20_000, 1), STANDALONE_FULL);
    }

    /** For one node of a cluster: free, and none of its ports among {@code taken} (the other nodes' ports). */
    public static WildFlyPorts pickFreeClusterNode(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            WildFlyPorts candidate = new WildFlyPorts(
                    FreePorts.shift(CLUSTER_NODE, 100, 65_535 - JGROUPS_FAILURE_DETECTION, 1), CLUSTER_NODE);
            if (candidate.ports().stream().noneMatch(taken::contains)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free WildFly port offset apart from " + taken + " after 100 attempts");
    }

    public int offset() {
        return offset;
    }

    public int managementPort() {
        return MANAGEMENT_HTTP + offset;
    }

    public int httpPort() {
        return HTTP + offset;
    }

    public int jgroupsTcpPort() {
        return JGROUPS_TCP + offset;
    }

    /** Every port the server will listen on. */
    public Set<Integer> ports() {
        return Arrays.stream(basePorts).map(base -> base + offset).boxed().collect(Collectors.toSet());
    }
}
