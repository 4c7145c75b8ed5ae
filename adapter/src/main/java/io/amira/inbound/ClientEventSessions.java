package io.amira.inbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;

import java.util.concurrent.Executor;

/**
 * Event sessions over {@link AmiClient}. Server-side filtering, so Asterisk does not send what the
 * bean does not want: the login's event mask is the activation's privilege classes, and each wanted
 * event name becomes a {@code Filter} action ({@code Event: Name}). Both are part of every login,
 * so they hold again after a reconnect. Asterisk allows {@code Filter} only to users with the
 * {@code system} write class; without it the adapter's own filter still decides alone.
 */
final class ClientEventSessions implements EventSession.Factory {

    static final ClientEventSessions INSTANCE = new ClientEventSessions();

    private ClientEventSessions() {
    }

    @Override
    public EventSession open(AmiClientConfig config, EventFilter filter, EventSession.Listener listener,
                             Executor readerExecutor) throws AmiException {
        AmiClient client = AmiClient.connect(config, new AmiClientListener() {
            @Override
            public void onEvent(AmiEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void onDisconnect(AmiException cause) {
                listener.onDisconnect(cause);
            }
        }, readerExecutor);
        installServerFilter(client, filter);
        return new ClientSession(client);
    }

    private static void installServerFilter(AmiClient client, EventFilter filter) {
        for (String name : filter.names()) {
            AmiAction action = AmiAction.builder("Filter")
                    .header("Operation", "Add")
                    .header("Filter", "Event: " + name.replace(".", "\\."))
                    .build();
            try {
                client.send(action);
            } catch (AmiException e) {
                InboundLog.NO_SERVER_FILTER.log(client.server(), e.getMessage());
                return;
            }
        }
    }

    private record ClientSession(AmiClient client) implements EventSession {
        @Override
        public String server() {
            return client.server();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
