package io.amira.health;

import io.amira.api.AmiAction;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import jakarta.resource.cci.ConnectionFactory;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness check's use of a factory through reflection. The doubles are private classes: a
 * method taken from the implementation class instead of the public interface could not be called.
 */
class ReflectiveFactoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void upWhenThePingIsAnsweredWithSuccessAndTheConnectionGoesBack() throws Exception {
        FakeConnection connection = new FakeConnection(AmiResponse.builder("Success").build());
        HealthCheckResponse response = check(new FakeFactory(connection));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("connectionFactory", "java:/eis/test", "server", "pbx:5038"), data(response));
        assertEquals(List.of("Ping within PT2S"), connection.sent);
        assertTrue(connection.closed);
    }

    @Test
    void downWhenThePingIsAnsweredWithAnError() {
        FakeConnection connection = new FakeConnection(AmiResponse.builder("Error").build());
        Map<String, Object> data = data(check(new FakeFactory(connection)));
        assertEquals("Ping not answered with Success", data.get("cause"));
        assertTrue(connection.closed);
    }

    @Test
    void theAdaptersExceptionsArriveUnwrapped() {
        FakeFactory refused = new FakeFactory(new AmiAuthenticationException("Login to pbx:5038 as user 'ops' (MD5) refused"));
        Map<String, Object> data = data(check(refused));
        assertEquals("login refused for user 'ops'", data.get("cause"));
        assertEquals("Login to pbx:5038 as user 'ops' (MD5) refused", data.get("error"));

        FakeConnection silent = new FakeConnection(new AmiTimeoutException("Ping: no answer within 2 s"));
        data = data(check(new FakeFactory(silent)));
        assertEquals("Ping failed", data.get("cause"));
        assertEquals("Ping: no answer within 2 s", data.get("error"));
        assertTrue(silent.closed);
    }

    @Test
    void aFactoryThatCannotTellItsServerIsMisconfigured() {
        FakeFactory factory = new FakeFactory((AmiConnection) null) {
            @Override
            public String server() {
                throw new IllegalStateException("amira.host is not set");
            }
        };
        Map<String, Object> data = data(check(factory));
        assertEquals("misconfigured", data.get("cause"));
        assertEquals("amira.host is not set", data.get("error"));
    }

    @Test
    void anythingElseIsNoFactory() {
        assertEquals("java.lang.String is not an io.amira.api.AmiConnectionFactory",
                assertThrows(ClassCastException.class, () -> ReflectiveFactory.of("java:/eis/amira")).getMessage());
        assertThrows(ClassCastException.class, () -> ReflectiveFactory.of(new Object() { }));
    }

    @Test
    void noFactoryAtTheConfiguredNameIsDown() {
        HealthCheckResponse response = ConnectionCheck.check("java:/eis/amira-admin", TIMEOUT);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        Map<String, Object> data = data(response);
        assertEquals("java:/eis/amira-admin", data.get("connectionFactory"));
        assertEquals("no Amira connection factory at java:/eis/amira-admin", data.get("cause"));
    }

    @Test
    void noFactoryAtAnyZeroConfigNameLeavesThePoolUncheckedNamingThemAll() {
        HealthCheckResponse response = ConnectionCheck.checkFirstBound(List.of("java:/eis/amira", "java:app/eis/amira"), TIMEOUT);
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        Map<String, Object> data = data(response);
        assertEquals("not checked: none bound at java:/eis/amira, java:app/eis/amira (set amira.connection-factory to the"
                + " pool's name)", data.get("connectionFactory"));
        assertTrue(String.valueOf(data.get("error")).startsWith("java:/eis/amira: javax.naming."), data.toString());
    }

    private static HealthCheckResponse check(AmiConnectionFactory factory) {
        try {
            return ConnectionCheck.check(ReflectiveFactory.of(factory),
                    HealthCheckResponse.named(ConnectionCheck.NAME).withData("connectionFactory", "java:/eis/test"), TIMEOUT);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElseThrow();
    }

    private static class FakeFactory implements AmiConnectionFactory {

        private final AmiConnection connection;
        private final AmiException failure;

        FakeFactory(AmiConnection connection) {
            this.connection = connection;
            this.failure = null;
        }

        FakeFactory(AmiException failure) {
            this.connection = null;
            this.failure = failure;
        }

        @Override
        public AmiConnection getConnection() throws AmiException {
            if (failure != null) {
                throw failure;
            }
            return connection;
        }

        @Override
        public AmiConnection getConnection(String username, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String server() {
            return "pbx:5038";
        }

        @Override
        public ConnectionFactory cci() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeConnection implements AmiConnection {

        private final AmiResponse answer;
        private final AmiException failure;
        private final List<String> sent = new ArrayList<>();
        private boolean closed;

        FakeConnection(AmiResponse answer) {
            this.answer = answer;
            this.failure = null;
        }

        FakeConnection(AmiException failure) {
            this.answer = null;
            this.failure = failure;
        }

        @Override
        public AmiResponse send(AmiAction action, Duration timeout) throws AmiException {
            sent.add(action.name() + " within " + timeout);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public AmiResponse send(AmiAction action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<AmiResponse> sendAsync(AmiAction action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AmiOriginateResult originate(AmiAction originate, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<AmiOriginateResult> originateAsync(AmiAction originate, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
