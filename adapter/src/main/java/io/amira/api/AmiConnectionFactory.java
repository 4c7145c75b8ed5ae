package io.amira.api;

import jakarta.resource.ResourceException;
import jakarta.resource.cci.ConnectionFactory;
import jakarta.resource.cci.ConnectionSpec;

/**
 * Hands out pooled AMI connections; inject it with {@code @Resource(lookup = "java:/eis/amira")}.
 * It is also the CCI {@link ConnectionFactory} of the same pool (and a
 * {@link jakarta.resource.cci.RecordFactory} through {@link #getRecordFactory()}): inject either
 * type under the same name.
 */
public interface AmiConnectionFactory extends ConnectionFactory {

    /** A connection from the pool, logged in as the connection definition's user; close it to give it back. */
    @Override
    AmiConnection getConnection() throws ResourceException;

    /**
     * A connection logged in with the given credentials ({@link AmiConnectionSpec}); the pool only
     * hands out connections logged in as that user for it.
     */
    @Override
    AmiConnection getConnection(ConnectionSpec spec) throws ResourceException;

    /**
     * The AMI server ({@code host:port}) this factory's connections go to, as configured (explicit
     * property, else MicroProfile Config, else default): for health checks and messages.
     */
    String server();

    /** A connection logged in as the given AMI user. */
    default AmiConnection getConnection(String username, String secret) throws ResourceException {
        return getConnection(new AmiConnectionSpec(username, secret));
    }
}
