package io.amira.bench.session;

import io.amira.api.AmiAction;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Amira's {@link AmiClient} with a listener counting the events of one name (e.g. the flood's Newstate). */
final class AmiraSessionClient implements SessionClient {

    private static final AmiAction PING = AmiAction.of("Ping");

    private final AmiClient client;
    private final LongAdder events = new LongAdder();

    AmiraSessionClient(String host, int port, boolean eventsOn) throws Exception {
        this(host, port, eventsOn, "Newstate");
    }

    AmiraSessionClient(String host, int port, boolean eventsOn, String countedEvent) throws Exception {
        AmiClientConfig config = AmiClientConfig.builder().host(host).port(port)
                .username("admin").secret("amp111").events(eventsOn ? "on" : "off")
                .actionTimeout(Duration.ofSeconds(10))
                .authType(AmiClientConfig.AuthType.PLAIN).build();
        client = AmiClient.connect(config, event -> {
            if (countedEvent.equals(event.name())) {
                events.increment();
            }
        });
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
