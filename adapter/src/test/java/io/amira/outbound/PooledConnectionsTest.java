package io.amira.outbound;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiInteractionSpec;
import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import io.amira.api.OriginateReason;
import io.amira.simulator.AmiSimulator;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.IndexedRecord;
import jakarta.resource.cci.Interaction;
import jakarta.resource.cci.MappedRecord;
import jakarta.resource.cci.Record;
import jakarta.resource.spi.SecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbound side with a container double (a small pool) against the simulator. */
class PooledConnectionsTest {

    private SimulatedPool deployed;
    private AmiSimulator simulator;
    private ExecutorService executor;
    private AmiManagedConnectionFactory managedFactory;
    private PoolingConnectionManager pool;
    private AmiConnectionFactory factory;

    @BeforeEach
    void start() throws Exception {
        deployed = SimulatedPool.start(4, definition -> definition.setKeepAliveTimeoutMillis(500L));
        simulator = deployed.simulator;
        executor = deployed.executor;
        managedFactory = deployed.managedFactory;
        pool = deployed.pool;
        factory = deployed.factory;
    }

    @AfterEach
    void stop() throws Exception {
        deployed.close();
    }

    @Test
    void aReturnedConnectionIsReusedWithoutANewLogin() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (AmiConnection connection = factory.getConnection()) {
                assertTrue(connection.send(AmiActions.ping()).isSuccess());
            }
        }

        assertEquals(1, pool.created());
        assertEquals(1, simulator.sessionsAccepted());
        assertEquals(1, simulator.logins());
        assertEquals(5, pool.closedEvents());
    }

    @Test
    void aDroppedSocketFiresTheErrorEventAndThePoolHeals() throws Exception {
        try (AmiConnection connection = factory.getConnection()) {
            connection.send(AmiActions.ping());
        }

        simulator.dropAllConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> pool.errorEvents() == 1 && pool.size() == 0);
        try (AmiConnection connection = factory.getConnection()) {
            assertTrue(connection.send(AmiActions.ping()).isSuccess());
        }
        assertEquals(2, simulator.sessionsAccepted());
    }

    @Test
    void closingAHandleTwiceReturnsTheConnectionOnce() throws Exception {
        AmiConnection connection = factory.getConnection();
        connection.close();

        assertDoesNotThrow(connection::close);
        assertEquals(1, pool.closedEvents());
        assertEquals(1, pool.idleCount());
    }

    @Test
    void aClosedHandleSaysSoWhenUsed() throws Exception {
        AmiConnection connection = factory.getConnection();
        connection.close();

        IllegalStateException typed = assertThrows(IllegalStateException.class, () -> connection.send(AmiActions.ping()));
        assertTrue(typed.getMessage().contains("closed"), typed.getMessage());
        jakarta.resource.cci.Connection cciConnection = factory.cci().getConnection();
        cciConnection.close();
        ResourceException cci = assertThrows(jakarta.resource.spi.IllegalStateException.class, cciConnection::createInteraction);
        assertTrue(cci.getMessage().contains("closed"), cci.getMessage());
    }

    @Test
    void cleanupDetachesHandlesTheContainerStillHolds() throws Exception {
        AmiConnection connection = factory.getConnection();
        AmiManagedConnection managed = ((AmiConnectionHandle) connection).currentManagedConnection();

        managed.cleanup();

        assertThrows(IllegalStateException.class, () -> connection.send(AmiActions.ping()));
        assertTrue(managed.client().isConnected(), "the session stays logged in for the next borrower");
    }

    @Test
    void associateConnectionMovesAHandleToAnotherManagedConnection() throws Exception {
        AmiConnection first = factory.getConnection();
        AmiConnection second = factory.getConnection();
        AmiManagedConnection target = ((AmiConnectionHandle) second).currentManagedConnection();
        List<jakarta.resource.spi.ConnectionEvent> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
        target.addConnectionEventListener(new RecordingListener(closed));

        target.associateConnection(first);

        assertEquals(target, ((AmiConnectionHandle) first).currentManagedConnection());
        assertTrue(first.send(AmiActions.ping()).isSuccess());
        first.close();
        assertEquals(1, closed.size());
        assertEquals(target, closed.get(0).getSource());
        assertEquals(first, closed.get(0).getConnectionHandle());
        assertThrows(IllegalStateException.class, () -> first.send(AmiActions.ping()));
        second.close();
    }

    /** Records the CONNECTION_CLOSED events of one ManagedConnection. */
    private record RecordingListener(List<jakarta.resource.spi.ConnectionEvent> closed)
            implements jakarta.resource.spi.ConnectionEventListener {
        @Override public void connectionClosed(jakarta.resource.spi.ConnectionEvent event) { closed.add(event); }
        @Override public void localTransactionStarted(jakarta.resource.spi.ConnectionEvent event) { }
        @Override public void localTransactionCommitted(jakarta.resource.spi.ConnectionEvent event) { }
        @Override public void localTransactionRolledback(jakarta.resource.spi.ConnectionEvent event) { }
        @Override public void connectionErrorOccurred(jakarta.resource.spi.ConnectionEvent event) { }
    }

    @Test
    void cciRefusesAHeaderThatWouldInjectAnotherAction() throws Exception {
        try (AmiConnectionHandle connection = (AmiConnectionHandle) factory.cci().getConnection()) {
            MappedRecord<String, Object> input = factory.cci().getRecordFactory().createMappedRecord("Getvar");
            input.put("Variable", "X\r\nAction: Hangup");

            ResourceException e = assertThrows(ResourceException.class,
                    () -> connection.createInteraction().execute(new AmiInteractionSpec("Getvar"), input));
            assertTrue(e.getMessage().contains("Variable"), e.getMessage());
            assertEquals(0, simulator.actionsReceived("Getvar"));
        }
    }

    @Test
    void destroyLogsOffOnceAndCanBeRepeated() throws Exception {
        AmiConnection connection = factory.getConnection();
        AmiManagedConnection managed = ((AmiConnectionHandle) connection).currentManagedConnection();

        managed.destroy();
        managed.destroy();

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.activeSessions() == 0);
        assertEquals(1, simulator.actionsReceived("Logoff"));
        io.amira.api.AmiConnectionLostException e = assertThrows(io.amira.api.AmiConnectionLostException.class,
                () -> connection.send(AmiActions.ping()));
        assertTrue(e.getMessage().contains("closed by the container"), e.getMessage());
    }

    @Test
    void perRequestCredentialsGetTheirOwnPooledConnection() throws Exception {
        try (AmiConnection limited = factory.getConnection("limited", "lim123")) {
            AmiPermissionDeniedException denied = assertThrows(AmiPermissionDeniedException.class,
                    () -> limited.send(AmiActions.command("core show version")));
            assertTrue(denied.getMessage().contains("Permission denied"), denied.getMessage());
        }
        try (AmiConnection admin = factory.getConnection()) {
            assertFalse(admin.send(AmiActions.command("core show version")).outputLines().isEmpty());
        }
        try (AmiConnectionHandle limitedAgain = (AmiConnectionHandle) factory.cci().getConnection(
                new io.amira.api.AmiConnectionSpec("limited", "lim123"))) {
            assertEquals("limited", limitedAgain.getMetaData().getUserName());
        }

        assertEquals(2, pool.created(), "one session per user, each reused");
    }

    @Test
    void containerManagedSignOnLogsInWithTheSubjectsPasswordCredential() throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        jakarta.resource.spi.security.PasswordCredential credential =
                new jakarta.resource.spi.security.PasswordCredential("limited", "lim123".toCharArray());
        credential.setManagedConnectionFactory(managedFactory);
        subject.getPrivateCredentials().add(credential);

        AmiManagedConnection managed = (AmiManagedConnection) managedFactory.createManagedConnection(subject, null);
        try {
            assertEquals("limited", managed.getMetaData().getUserName());
            assertEquals(managed, managedFactory.matchManagedConnections(java.util.Set.of(managed), subject, null));
            assertEquals(null, managedFactory.matchManagedConnections(java.util.Set.of(managed), null, null));
        } finally {
            managed.destroy();
        }
    }

    /** Payara's default Subject when its pool names no principal: ("", ""), which means "the definition's own". */
    @Test
    void aContainerCredentialWithoutUserNameUsesTheDefinitionsCredentials() throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        jakarta.resource.spi.security.PasswordCredential credential =
                new jakarta.resource.spi.security.PasswordCredential("", new char[0]);
        credential.setManagedConnectionFactory(managedFactory);
        subject.getPrivateCredentials().add(credential);

        AmiManagedConnection managed = (AmiManagedConnection) managedFactory.createManagedConnection(subject, null);
        try {
            assertEquals("admin", managed.getMetaData().getUserName());
            assertEquals(managed, managedFactory.matchManagedConnections(java.util.Set.of(managed), null, null));
        } finally {
            managed.destroy();
        }
    }

    @Test
    void pooledSessionsSpeakTlsWithTheConfiguredTrustStoreAndPlainLogin() throws Exception {
        try (AmiSimulator tlsSimulator = AmiSimulator.start(io.amira.simulator.SimulatorConfig.builder().port(0).tls(true).build())) {
            AmiManagedConnectionFactory tlsFactory = AmiManagedConnectionFactoryTest.factory(
                    tlsSimulator.host(), tlsSimulator.port(), "admin", "amp111");
            tlsFactory.setTls(true);
            tlsFactory.setTrustStore(tlsSimulator.trustStorePath().toString());
            tlsFactory.setTrustStorePassword(tlsSimulator.trustStorePassword());
            tlsFactory.setTrustStoreType(tlsSimulator.trustStoreType());
            tlsFactory.setAuthType("plain");
            tlsFactory.setExecutor(executor);
            try (PoolingConnectionManager tlsPool = PoolingConnectionManager.asDeployed(tlsFactory, 2)) {
                AmiConnectionFactory tlsConnections = (AmiConnectionFactory) tlsFactory.createConnectionFactory(tlsPool);
                try (AmiConnection connection = tlsConnections.getConnection()) {
                    assertTrue(connection.send(AmiActions.ping()).isSuccess());
                }
                assertEquals(0, tlsSimulator.actionsReceived("Challenge"), "plain login asks no MD5 challenge");
                assertEquals(1, tlsSimulator.logins());
            }
        }
    }

    @Test
    void wrongCredentialsNameServerAndUserButNotTheSecret() {
        io.amira.api.AmiAuthenticationException e = assertThrows(io.amira.api.AmiAuthenticationException.class,
                () -> factory.getConnection("admin", "wrong-secret"));
        assertTrue(e.getCause() instanceof ResourceException, "the container's exception is the cause");
        SecurityException cci = assertThrows(SecurityException.class,
                () -> factory.cci().getConnection(new io.amira.api.AmiConnectionSpec("admin", "wrong-secret")));
        assertFalse(cci.getMessage().contains("wrong-secret"), cci.getMessage());

        assertTrue(e.getMessage().contains(simulator.host() + ":" + simulator.port()), e.getMessage());
        assertTrue(e.getMessage().contains("admin"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
    }

    @Test
    void refusedCredentialsAreHeldBackWithoutAnotherLoginWhileTheCorrectOnesStillWork() throws Exception {
        managedFactory.setResourceAdapter(new io.amira.AmiraResourceAdapter());
        io.amira.api.AmiAuthenticationException first = assertThrows(io.amira.api.AmiAuthenticationException.class,
                () -> factory.getConnection("admin", "wrong-secret"));
        long sessions = simulator.sessionsAccepted();

        io.amira.api.AmiAuthenticationException held = assertThrows(io.amira.api.AmiAuthenticationException.class,
                () -> factory.getConnection("admin", "wrong-secret"));

        assertEquals(sessions, simulator.sessionsAccepted(), "no second login with credentials Asterisk refused");
        assertTrue(first.getMessage().contains("refused"), first.getMessage());
        assertTrue(held.getMessage().contains("tries these credentials again in"), held.getMessage());
        assertFalse(held.getMessage().contains("wrong-secret"), held.getMessage());
        try (AmiConnection connection = factory.getConnection()) {
            assertTrue(connection.send(AmiActions.ping()).isSuccess(), "the definition's own credentials are not held back");
        }
    }

    @Test
    void asyncOriginateCompletesWithItsOwnOriginateResponse() throws Exception {
        AmiOriginateResult result;
        try (AmiConnection connection = factory.getConnection()) {
            result = connection.originateAsync(AmiActions.originate("Local/100@demo").toApplication("Wait", "1").build(),
                    Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        }

        assertTrue(result.isSuccess(), result.toString());
        assertEquals(OriginateReason.ANSWERED, result.reason());
        assertNotNull(result.uniqueId());
        assertEquals(1, simulator.actionsReceived("Filter"), "pooled sessions narrow their events to OriginateResponse");
    }

    @Test
    void theOriginateEventFilterLetsOnlyOriginateResponseThrough() throws Exception {
        java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
        List<String> pooledEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.amira.client.AmiClientConfig pooledConfig = managedFactory.config(AmiRequestInfo.DEFAULT);
        try (io.amira.client.AmiClient observer = io.amira.client.AmiClient.connect(
                     pooledConfig.toBuilder().events("on").build(), event -> {
                         if (event.name().equals("Hangup")) {
                             hungUp.countDown();
                         }
                     }, executor);
             io.amira.client.AmiClient pooled = io.amira.client.AmiClient.connect(pooledConfig,
                     event -> pooledEvents.add(event.name()), executor)) {
            assertTrue(OriginateEvents.narrowTo(pooled, "admin"));
            io.amira.api.AmiEvent outcome = pooled.sendAndAwaitEvent(
                    AmiActions.originate("Local/100@demo").toApplication("Wait", "1").async(true).build(),
                    OriginateEvents.EVENT, Duration.ofSeconds(10));
            assertEquals("Success", outcome.get("Response"));
            assertTrue(hungUp.await(10, TimeUnit.SECONDS), "the observer saw the call end");
            pooled.send(AmiActions.ping());

            assertEquals(List.of(OriginateEvents.EVENT), pooledEvents, "only the OriginateResponse reached the session");
        }
    }

    @Test
    void anActionWithoutAnswerTimesOut() throws Exception {
        try (AmiConnection connection = factory.getConnection()) {
            simulator.delayResponses(Duration.ofSeconds(2));
            AmiTimeoutException e = assertThrows(AmiTimeoutException.class,
                    () -> connection.send(AmiActions.ping(), Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("Ping"), e.getMessage());
        } finally {
            simulator.delayResponses(Duration.ZERO);
        }
    }

    @Test
    void cciExecutesStatusWithItsItems() throws Exception {
        try (AmiConnection typed = factory.getConnection();
             AmiConnectionHandle connection = (AmiConnectionHandle) factory.cci().getConnection()) {
            typed.originate(AmiActions.originate("Local/200@demo").toApplication("Wait", "5").build(),
                    Duration.ofSeconds(10));
            Interaction interaction = connection.createInteraction();

            Record output = interaction.execute(new AmiInteractionSpec("Status"), null);

            MappedRecord<?, ?> response = (MappedRecord<?, ?>) output;
            assertEquals("Success", response.get("Response"));
            IndexedRecord<?> items = (IndexedRecord<?>) response.get(AmiInteraction.EVENTS);
            assertFalse(items.isEmpty(), response.toString());
            assertEquals("Status", ((MappedRecord<?, ?>) items.get(0)).get("Event"));
        }
    }

    @Test
    void cciExecutesCommandWithItsOutputLines() throws Exception {
        try (AmiConnectionHandle connection = (AmiConnectionHandle) factory.cci().getConnection()) {
            MappedRecord<String, Object> input = factory.cci().getRecordFactory().createMappedRecord("Command");
            input.put("Command", "core show version");

            MappedRecord<?, ?> output = (MappedRecord<?, ?>) connection.createInteraction()
                    .execute(new AmiInteractionSpec("Command", Duration.ofSeconds(5)), input);

            List<?> lines = (List<?>) output.get(AmiInteraction.OUTPUT);
            assertTrue(lines.stream().anyMatch(line -> line.toString().startsWith("Asterisk")), output.toString());
        }
    }

    @Test
    void metadataNamesAsteriskAndItsVersion() throws Exception {
        try (AmiConnectionHandle connection = (AmiConnectionHandle) factory.getConnection()) {
            String expected = connection.send(AmiActions.coreSettings()).get("AsteriskVersion");

            assertEquals("Asterisk", connection.getMetaData().getEISProductName());
            assertEquals(expected, connection.getMetaData().getEISProductVersion());
            assertEquals("admin", connection.getMetaData().getUserName());
        }
    }

    @Test
    void closingThePoolLeavesNoSession() throws Exception {
        AmiConnection first = factory.getConnection();
        AmiConnection second = factory.getConnection();
        first.send(AmiActions.ping());
        second.send(AmiActions.ping());
        first.close();

        pool.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.activeSessions() == 0);
    }

    @Test
    void aResponseErrorIsAFailedActionWithAsterisksMessage() throws Exception {
        try (AmiConnection connection = factory.getConnection()) {
            io.amira.api.AmiActionFailedException e = assertThrows(io.amira.api.AmiActionFailedException.class,
                    () -> connection.send(AmiActions.hangup("PJSIP/nobody-00000001")));
            AmiResponse response = e.response();
            assertEquals("Error", response.name());
            assertTrue(e.getMessage().contains(response.message()), e.getMessage());
        }
    }

    @Test
    void manyCallersShareThePoolWithoutExceedingItsMaximum() throws Exception {
        int callers = 20;
        int actionsEach = 50;
        ExecutorService callerThreads = Executors.newFixedThreadPool(callers);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int c = 0; c < callers; c++) {
                results.add(callerThreads.submit(() -> {
                    go.await();
                    int done = 0;
                    for (int i = 0; i < actionsEach; i++) {
                        try (AmiConnection connection = factory.getConnection()) {
                            if (connection.send(AmiActions.ping()).isSuccess()) {
                                done++;
                            }
                        }
                        assertTrue(simulator.activeSessions() <= 4);
                    }
                    return done;
                }));
            }
            go.countDown();
            int total = 0;
            for (java.util.concurrent.Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }

            assertEquals(callers * actionsEach, total);
            assertEquals(callers * actionsEach, simulator.actionsReceived("Ping"));
            assertTrue(simulator.sessionsAccepted() <= 4, "sessions: " + simulator.sessionsAccepted());
        } finally {
            callerThreads.shutdownNow();
        }
    }
}
