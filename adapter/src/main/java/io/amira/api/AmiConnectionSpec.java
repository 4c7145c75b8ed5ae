package io.amira.api;

import jakarta.resource.cci.ConnectionSpec;

import java.util.Objects;

/**
 * Per-request AMI credentials: a connection obtained with this spec is logged in as this user
 * instead of the connection definition's. The pool keeps such connections apart from others.
 * {@link #toString()} never shows the secret.
 */
public final class AmiConnectionSpec implements ConnectionSpec {

    private final String username;
    private final String secret;

    public AmiConnectionSpec(String username, String secret) {
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public String username() {
        return username;
    }

    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmiConnectionSpec that && username.equals(that.username) && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "AmiConnectionSpec[username=" + username + "]";
    }
}
