package io.amira.bench.session;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.concurrent.atomic.LongAdder;

/** asterisk-java 3.42.2's ManagerConnection with a listener counting Newstate events: the reference client. */
final class AsteriskJavaSessionClient implements SessionClient {

    private final ManagerConnection connection;
    private final LongAdder events = new LongAdder();

    AsteriskJavaSessionClient(String host, int port, boolean eventsOn) throws Exception {
        connection = new ManagerConnectionFactory(host, port, "admin", "amp111")
                .createManagerConnection();
        connection.addEventListener(event -> {
            if (event instanceof NewStateEvent) {
                events.increment();
            }
        });
        connection.login(eventsOn ? "on" : "off");
    }

    @Override
    public void ping() throws Exception {
        ManagerResponse response = connection.sendAction(new PingAction(), 10_000);
        if (response == null || response instanceof ManagerError) {
            throw new IllegalStateException("asterisk-java Ping failed: " + response);
        }
    }

    @Override
    public long eventsReceived() {
        return events.sum();
    }

    @Override
    public void close() {
        connection.logoff();
    }
}
