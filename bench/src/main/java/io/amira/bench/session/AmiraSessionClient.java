package io.amira.bench.session;

import io.amira.api.AmiAction;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.simulator.AmiSimulator;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Amira's {@link AmiClient} with a counting listener. */
final class AmiraSessionClient implements SessionClient {

    private static final AmiAction PING = AmiAction.of("Ping");

    private final AmiClient client;
    private final LongAdder events = new LongAdder();

    AmiraSessionClient(AmiSimulator simulator, boolean eventsOn) throws Exception {
        AmiClientConfig config = AmiClientConfig.builder().host(simulator.host()).port(simulator.port())
                .username("admin").secret("amp111").events(eventsOn ? "on" : "off")
                .defaultActionTimeout(Duration.ofSeconds(10)).build();
        client = AmiClient.connect(config, event -> events.increment(), null);
    }

    @Override
    public void ping() throws Exception {
        client.send(PING);
    }

    @Override
    public long eventsReceived() {
        return events.sum();
    }

    @Override
    public void close() {
        client.close();
    }
}
