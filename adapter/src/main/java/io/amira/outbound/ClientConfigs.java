package io.amira.outbound;

import io.amira.client.AmiClientConfig;
import io.amira.config.AmiServerSettings;

import java.util.Locale;

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
        AmiClientConfig.Builder b = AmiClientConfig.builder()
                .host(settings.host())
                .port(settings.port())
                .username(credentials.isDefault() ? settings.username() : credentials.username())
                .secret(credentials.isDefault() ? settings.secret() : credentials.secret())
                .tls(settings.tls())
                .verifyHostname(settings.verifyHostname())
                .authType(AmiClientConfig.AuthType.valueOf(settings.authType().toUpperCase(Locale.ROOT)))
                .events(POOLED_EVENTS)
                .connectTimeout(settings.connectTimeout())
                .defaultActionTimeout(settings.actionTimeout())
                .keepAliveInterval(settings.keepAliveInterval())
                .keepAliveTimeout(settings.keepAliveTimeout());
        if (settings.trustStore() != null) {
            b.trustStorePath(settings.trustStore());
        }
        if (settings.trustStorePassword() != null) {
            b.trustStorePassword(settings.trustStorePassword());
        }
        if (settings.trustStoreType() != null) {
            b.trustStoreType(settings.trustStoreType());
        }
        return b.build();
    }
}
