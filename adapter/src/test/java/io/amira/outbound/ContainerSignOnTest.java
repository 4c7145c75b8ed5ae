package io.amira.outbound;

import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnectionFactory;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How an activation learns the credentials of a container-managed sign-on: the definition notes
 * the Subject's PasswordCredential before it connects, so borrowing once tells them, also while the
 * AMI server is down; without a Subject the definition's own user and secret are the answer; an
 * application's own credentials win over the Subject (IronJacamar passes both under
 * authentication-context-and-application).
 */
class ContainerSignOnTest {

    private AmiSimulator simulator;
    private ExecutorService readers;
    private final List<ManagedConnection> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        simulator = AmiSimulator.start(SimulatorConfig.builder().port(0).user("ops", "fr0m-the-store", "all", "all").build());
        readers = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        for (ManagedConnection connection : opened) {
            connection.destroy();
        }
        simulator.close();
        readers.shutdownNow();
    }

    @Test
    void theContainersCredentialsAreTheAnswer() throws Exception {
        AmiManagedConnectionFactory definition = definition(simulator.port());
        AmiConnectionFactory factory = factory(definition, subject(definition, "ops", "fr0m-the-store"));

        ServerProperties credentials = ContainerSignOn.credentials(factory);

        assertEquals("ops", credentials.get(ServerProperty.USERNAME));
        assertEquals("fr0m-the-store", credentials.get(ServerProperty.SECRET));
        assertEquals(1, simulator.logins(), "the pooled session logged in with them");
    }

    @Test
    void theyAreKnownWhileTheServerIsDown() throws Exception {
        int closedPort = simulator.port();
        simulator.close();
        AmiManagedConnectionFactory definition = definition(closedPort);
        AmiConnectionFactory factory = factory(definition, subject(definition, "ops", "fr0m-the-store"));

        assertEquals("ops", ContainerSignOn.credentials(factory).get(ServerProperty.USERNAME));
    }

    @Test
    void withoutASubjectTheDefinitionsOwnAreTheAnswer() throws Exception {
        AmiManagedConnectionFactory definition = definition(simulator.port());
        definition.setUsername("ops");
        definition.setSecret("fr0m-the-store");

        ServerProperties credentials = ContainerSignOn.credentials(factory(definition, null));

        assertEquals("ops", credentials.get(ServerProperty.USERNAME));
        assertEquals("fr0m-the-store", credentials.get(ServerProperty.SECRET));
    }

    @Test
    void withoutASubjectAFailureIsTheAnswer() {
        int closedPort = simulator.port();
        simulator.close();
        AmiManagedConnectionFactory definition = definition(closedPort);
        definition.setUsername("ops");
        definition.setSecret("fr0m-the-store");

        assertThrows(AmiConnectException.class, () -> ContainerSignOn.credentials(factory(definition, null)));
    }

    @Test
    void anApplicationsOwnCredentialsWinOverTheSubject() throws Exception {
        AmiManagedConnectionFactory definition = definition(simulator.port());
        AmiConnectionFactory factory = factory(definition, subject(definition, "nobody", "wrong"));

        try (AmiConnection connection = factory.getConnection("ops", "fr0m-the-store")) {
            assertEquals("ops", ((AmiConnectionHandle) connection).getMetaData().getUserName());
        }
    }

    private AmiManagedConnectionFactory definition(int port) {
        AmiManagedConnectionFactory definition = new AmiManagedConnectionFactory();
        definition.setHost(simulator.host());
        definition.setPort(port);
        definition.setConnectTimeoutMillis(2000L);
        definition.setExecutor(readers);
        return definition;
    }

    private static Subject subject(ManagedConnectionFactory definition, String user, String secret) {
        PasswordCredential credential = new PasswordCredential(user, secret.toCharArray());
        credential.setManagedConnectionFactory(definition);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    /** A container double that signs every request on with {@code subject}, as IronJacamar does with an authentication context. */
    private AmiConnectionFactory factory(AmiManagedConnectionFactory definition, Subject subject) {
        ConnectionManager signingOn = (ManagedConnectionFactory mcf, ConnectionRequestInfo info) -> {
            ManagedConnection connection = mcf.createManagedConnection(subject, info);
            opened.add(connection);
            return connection.getConnection(subject, info);
        };
        return (AmiConnectionFactory) definition.createConnectionFactory(signingOn);
    }
}
