package io.amira.outbound;

import io.amira.api.AmiConnectionSpec;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;

import javax.security.auth.Subject;

import java.util.Objects;

/**
 * The per-request credentials of a connection request ({@code null} fields: the connection
 * definition's own). The container compares these when it looks for a matching pooled connection.
 */
final class AmiRequestInfo implements ConnectionRequestInfo {

    static final AmiRequestInfo DEFAULT = new AmiRequestInfo(null, null);

    private final String username;
    private final String secret;

    private AmiRequestInfo(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    static AmiRequestInfo of(AmiConnectionSpec spec) {
        return spec == null ? DEFAULT : new AmiRequestInfo(spec.username(), spec.secret());
    }

    /**
     * The credentials a request carries: the application's own (its {@link io.amira.api.AmiConnectionSpec},
     * component-managed sign-on), else the container's (a {@link PasswordCredential} for this factory in
     * the Subject, container-managed sign-on). IronJacamar passes both when a definition takes either
     * ({@code authentication-context-and-application}): the application's then choose its sub-pool.
     * A credential without a user name carries none: Payara passes {@code ("", "")} when its pool
     * names no principal, meaning "the definition's own".
     */
    static AmiRequestInfo from(Subject subject, ConnectionRequestInfo info, ManagedConnectionFactory factory) {
        AmiRequestInfo requested = from(info);
        if (subject != null && requested.isDefault()) {
            for (PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
                if (credential.getUserName() != null && !credential.getUserName().isBlank()
                        && (credential.getManagedConnectionFactory() == null || factory.equals(credential.getManagedConnectionFactory()))) {
                    return new AmiRequestInfo(credential.getUserName(), new String(credential.getPassword()));
                }
            }
        }
        return requested;
    }

    static AmiRequestInfo from(ConnectionRequestInfo info) {
        if (info == null) {
            return DEFAULT;
        }
        if (info instanceof AmiRequestInfo amira) {
            return amira;
        }
        throw new IllegalArgumentException("Not an Amira connection request: " + info.getClass().getName());
    }

    /** True when the connection definition's own credentials apply. */
    boolean isDefault() {
        return username == null;
    }

    String username() {
        return username;
    }

    String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmiRequestInfo that && Objects.equals(username, that.username)
                && Objects.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(username);
    }

    @Override
    public String toString() {
        return "AmiRequestInfo[username=" + (username == null ? "(definition's)" : username) + "]";
    }
}
