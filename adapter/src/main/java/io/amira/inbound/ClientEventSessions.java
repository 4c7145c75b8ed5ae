package io.amira.inbound;

import io.amira.config.AmiServerSettings;

import java.util.concurrent.Executor;

/** Event sessions over {@code io.amira.client.AmiClient}. */
final class ClientEventSessions implements EventSession.Factory {

    static final ClientEventSessions INSTANCE = new ClientEventSessions();

    private ClientEventSessions() {
    }

    @Override
    public EventSession open(AmiServerSettings settings, EventFilter filter, EventSession.Listener listener,
                             Executor readerExecutor) throws Exception {
        throw new UnsupportedOperationException("the AMI client is not merged yet");
    }
}
