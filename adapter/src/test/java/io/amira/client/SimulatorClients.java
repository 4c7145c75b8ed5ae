package io.amira.client;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.simulator.AmiSimulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helpers: client configurations for a running simulator, and a recording listener. */
final class SimulatorClients {

    private SimulatorClients() {
    }

    static AmiClientConfig.Builder config(AmiSimulator simulator, String username, String secret) {
        return AmiClientConfig.builder().host(simulator.host()).port(simulator.port())
                .username(username).secret(secret);
    }

    static AmiClientConfig.Builder admin(AmiSimulator simulator) {
        return config(simulator, "admin", "amp111");
    }

    static final class RecordingListener implements AmiClientListener {
        final List<AmiEvent> events = new CopyOnWriteArrayList<>();
        final List<AmiException> disconnects = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(AmiEvent event) {
            events.add(event);
        }

        @Override
        public void onDisconnect(AmiException cause) {
            disconnects.add(cause);
        }

        boolean received(String eventName) {
            return events.stream().anyMatch(e -> e.name().equalsIgnoreCase(eventName));
        }
    }
}
