package io.amira.sample;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiResponse;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends AMI actions through the adapter's pooled connections: every method borrows a connection,
 * sends, and gives the connection back (try-with-resources), the way a DataSource is used.
 */
@Stateless
public class CallControlBean {

    private static final Logger LOG = Logger.getLogger(CallControlBean.class.getName());

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory connectionFactory;

    /** Borrows a connection from the pool and gives it back; true when the pool handed one out. */
    public boolean connectionAvailable() throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection != null;
        }
    }

    /**
     * Calls {@code channel} (e.g. {@code Local/100@demo}) and connects it to {@code exten@context},
     * waiting for Asterisk's verdict (the OriginateResponse: answered, busy, no answer...).
     */
    public AmiOriginateResult originate(String channel, String context, String exten, Duration timeout)
            throws AmiException {
        AmiOriginateResult result;
        try (AmiConnection connection = connectionFactory.getConnection()) {
            result = connection.originate(AmiActions.originate(channel).toExtension(context, exten, 1)
                    .timeout(timeout).build(), timeout.plusSeconds(5));
        }
        LOG.log(Level.INFO, "AMIRA-SAMPLE-001 originate {0} -> {1}@{2}: {3}",
                new Object[] {channel, exten, context, result});
        return result;
    }

    /**
     * Calls {@code channel} and, once it answers, runs {@code application(data)} on it (e.g.
     * {@code Wait(2)}): an originate that needs no dialplan of its own. Waits for the outcome.
     */
    public AmiOriginateResult originateToApplication(String channel, String application, String data, Duration timeout)
            throws AmiException {
        AmiOriginateResult result;
        try (AmiConnection connection = connectionFactory.getConnection()) {
            result = connection.originate(AmiActions.originate(channel).toApplication(application, data)
                    .timeout(timeout).build(), timeout.plusSeconds(5));
        }
        LOG.log(Level.INFO, "AMIRA-SAMPLE-003 originate {0} -> {1}({2}): {3}",
                new Object[] {channel, application, data, result});
        return result;
    }

    /** Hangs up {@code channel}; Asterisk answers "No such channel" when it is already gone. */
    public AmiResponse hangup(String channel) throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.send(AmiActions.hangup(channel));
        }
    }

    /** The channels up right now, one {@code CoreShowChannel} event each. */
    public List<AmiEvent> listChannels() throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.send(AmiActions.action("CoreShowChannels").build()).events();
        }
    }

    /** The channels Asterisk has now: the response's events are the {@code Status} items. */
    public AmiResponse status() throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.send(AmiActions.status());
        }
    }

    /** Runs a CLI command and returns its output lines. */
    public List<String> command(String cliCommand) throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.send(AmiActions.command(cliCommand)).outputLines();
        }
    }

    /** One round trip: true when Asterisk answered the Ping. */
    public boolean ping() throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection.send(AmiActions.ping()).isSuccess();
        }
    }

    /**
     * {@code count} Pings pipelined on one borrowed connection (sendAsync, then wait for all): how an
     * application sends many actions without holding many pooled connections. Returns how many succeeded.
     */
    public int pingPipelined(int count) throws AmiException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            List<CompletableFuture<AmiResponse>> answers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                answers.add(connection.sendAsync(AmiActions.ping()));
            }
            int succeeded = 0;
            for (CompletableFuture<AmiResponse> answer : answers) {
                try {
                    answer.join();
                    succeeded++;
                } catch (CompletionException e) {
                    LOG.log(Level.FINE, "AMIRA-SAMPLE-002 pipelined Ping failed: {0}", e.getCause().getMessage());
                }
            }
            return succeeded;
        }
    }
}
