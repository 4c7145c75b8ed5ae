package io.amira.api;

import java.util.List;

/**
 * One bridge (two parties talking, a conference, a holding bridge) as the live view tracks it.
 *
 * @param id         its {@code BridgeUniqueid}
 * @param type       {@code BridgeType}, e.g. {@code basic}
 * @param technology {@code BridgeTechnology}, e.g. {@code simple_bridge}
 * @param creator    {@code BridgeCreator} as Asterisk sends it ({@code <unknown>} when none)
 * @param name       {@code BridgeName} as Asterisk sends it ({@code <unknown>} when none)
 * @param channels   the channels in it, oldest first
 */
public record LiveBridge(String id, String type, String technology, String creator, String name,
                         List<LiveChannel> channels) {

    /** An immutable bridge; the channel list is copied. */
    public LiveBridge {
        channels = List.copyOf(channels);
    }
}
