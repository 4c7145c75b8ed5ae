package io.amira.outbound;

import io.amira.client.AmiClientConfig;
import io.amira.config.AmiServerSettings;

/** The client configuration of one pooled session: the resolved settings, the request's credentials, the event mask. */
final class ClientConfigs {

    /**
     * Pooled sessions take only the {@code call} class (OriginateResponse belongs to it) and narrow
     * that further with a Filter once logged in.
     */
    static final String POOLED_EVENTS = "call";

    private ClientConfigs() {
    }

    static AmiClientConfig forPool(AmiServerSettings settings, AmiRequestInfo credentials) {
        AmiClientConfig.Builder builder = settings.toClientConfig(POOLED_EVENTS);
        if (!credentials.isDefault()) {
            builder.username(credentials.username()).secret(credentials.secret());
        }
        return builder.build();
    }
}
