package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;

/** Makes Amira's lifecycle notifications: every one names its activation and its server. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** The notification {@code name} with {@code headerPairs} (name, value, ...) after Activation and Server. */
    static AmiEvent event(String name, String activation, String server, String... headerPairs) {
        AmiEvent.Builder event = AmiEvent.builder(name).server(server)
                .header(AmiLifecycleEvents.ACTIVATION, activation)
                .header(AmiLifecycleEvents.SERVER, server);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            event.header(headerPairs[i], headerPairs[i + 1]);
        }
        return event.build();
    }
}
