package io.amira.api;

import jakarta.resource.cci.ConnectionFactory;

/**
 * Hands out pooled AMI connections; inject it with {@code @Resource(lookup = "java:/eis/amira")}.
 * Failures to get one are {@link AmiException}s: {@link AmiConnectException} (server unreachable,
 * pool exhausted, misconfigured) or {@link AmiAuthenticationException} (login refused).
 */
public interface AmiConnectionFactory {

    /** A connection from the pool, logged in as the connection definition's user; close it to give it back. */
    AmiConnection getConnection() throws AmiException;

    /**
     * A connection logged in as the given AMI user instead of the connection definition's; the pool
     * keeps such connections apart and hands them out only for the same credentials.
     */
    AmiConnection getConnection(String username, String secret) throws AmiException;

    /**
     * The AMI server ({@code host:port}) this factory's connections go to, as configured (explicit
     * property, else MicroProfile Config, else default): for health checks and messages.
     */
    String server();

    /**
     * The same pool as a CCI {@link ConnectionFactory}, for code written against the Common Client
     * Interface: {@code cci().getConnection().createInteraction().execute(new AmiInteractionSpec("Status"), record)}.
     * It throws the {@code ResourceException}s the CCI specification prescribes; per-request
     * credentials go in an {@link AmiConnectionSpec}.
     */
    ConnectionFactory cci();
}
