package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A basic two-party bridge (as app_queue makes one), with the channels in it. When one party leaves,
 * the other is released and {@code onBroken} (the owner's rule) is told who was left alone. PBX thread only.
 */
final class Bridge {
    final String id = UUID.randomUUID().toString();
    final List<Channel> channels = new ArrayList<>(2);
    final Consumer<List<Channel>> onBroken;

    Bridge(Consumer<List<Channel>> onBroken) {
        this.onBroken = onBroken;
    }

    /** The bridge snapshot of Bridge* events and BridgeList/BridgeInfo answers (Asterisk 22 names and order). */
    Packet addTo(Packet p) {
        return p.add("BridgeUniqueid", id).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", "<unknown>").add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", channels.size()).add("BridgeVideoSourceMode", "none");
    }
}
