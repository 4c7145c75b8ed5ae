package io.amira.outbound;

import io.amira.api.AmiException;
import io.amira.client.AmiClientConfig;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;

/**
 * The user and secret a connection definition logs in with, for a login the container makes no
 * Subject for: an MDB activation's event session. Under container-managed sign-on (on WildFly an
 * Elytron authentication context whose credential lives in a credential store) only the container
 * knows them, and it hands them to the definition with each connection request; so this borrows a
 * connection once. The definition notes the container's credentials before it connects, so they
 * are known even while the AMI server is down.
 */
public final class ContainerSignOn {

    private ContainerSignOn() {
    }

    /**
     * {@code Username} and {@code Secret} as the definition behind {@code factory} signs on.
     *
     * @param factory the connection factory as bound in JNDI
     * @throws AmiException when no connection request reached the definition (the pool is exhausted,
     *                      the container could not make its Subject), with the container's reason
     * @throws IllegalArgumentException when {@code factory} is no Amira connection factory
     */
    public static ServerProperties credentials(Object factory) throws AmiException {
        if (!(factory instanceof AmiConnectionFactoryImpl connections)) {
            throw new IllegalArgumentException("not an Amira connection factory: "
                    + (factory == null ? "nothing" : factory.getClass().getName()));
        }
        AmiException failure = null;
        try {
            connections.getConnection().close();
        } catch (AmiException e) {
            failure = e;
        }
        AmiManagedConnectionFactory definition = connections.definition();
        AmiRequestInfo signOn = definition.containerSignOn();
        ServerProperties credentials = new ServerProperties();
        if (signOn != null) {
            credentials.set(ServerProperty.USERNAME, signOn.username());
            credentials.set(ServerProperty.SECRET, signOn.secret());
        } else if (failure != null) {
            throw failure;
        } else {
            AmiClientConfig own = definition.config(AmiRequestInfo.DEFAULT);
            credentials.set(ServerProperty.USERNAME, own.username());
            credentials.set(ServerProperty.SECRET, own.secret());
        }
        return credentials;
    }
}
