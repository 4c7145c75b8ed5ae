package io.amira.health;

import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiTimeoutException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cause under the container's "unable to get managed connection", as the typed factory passes it on. */
class FailureCauseTest {

    @Test
    void refusedLogin() {
        assertEquals("login refused for user 'ops'", FailureCause.of(pooled(new AmiAuthenticationException(
                "Login to pbx:5038 as user 'ops' (MD5) refused: Authentication failed. Check the username and secret"))));
    }

    @Test
    void refusedConnection() {
        assertTrue(FailureCause.of(pooled(connect(new ConnectException("Connection refused")))).startsWith("connection refused"));
    }

    @Test
    void tlsToAPlainPort() {
        assertEquals("TLS handshake failed: the server does not speak TLS on this port (is Tls set for a plain AMI port?)",
                FailureCause.of(pooled(connect(new SSLException("Unsupported or unrecognized SSL message")))));
    }

    @Test
    void tlsWithAnUntrustedCertificate() {
        assertEquals("TLS handshake failed: PKIX path building failed",
                FailureCause.of(pooled(connect(new SSLHandshakeException("PKIX path building failed")))));
    }

    @Test
    void plainToATlsPortIsClosedByTheServer() {
        assertEquals("the server closed the connection during the login (a TLS port? is Tls set?)", FailureCause.of(pooled(
                new AmiConnectionLostException("Action Challenge failed: the connection is gone", new EOFException()))));
    }

    @Test
    void timeouts() {
        assertTrue(FailureCause.of(pooled(connect(new SocketTimeoutException("Connect timed out")))).startsWith("timeout"));
        assertTrue(FailureCause.of(pooled(new AmiTimeoutException("Challenge: no answer within 5 s"))).startsWith("timeout"));
    }

    @Test
    void unknownHost() {
        assertEquals("unknown host", FailureCause.of(pooled(connect(new UnknownHostException("pbx.invalid")))));
    }

    @Test
    void anythingElse() {
        assertEquals("no connection", FailureCause.of(pooled(new IllegalStateException("odd"))));
    }

    private static AmiConnectException connect(Exception io) {
        return new AmiConnectException("Cannot connect to the AMI at pbx:5038: " + io, io);
    }

    /** As AmiConnectionFactoryImpl hands it over: its own exception over the container's over the cause. */
    private static AmiConnectException pooled(Exception cause) {
        ResourceException container = new ResourceException("IJ000453: Unable to get managed connection for java:/eis/amira", cause);
        return new AmiConnectException("No AMI connection to pbx:5038 for user of the connection definition: " + cause.getMessage(), container);
    }
}
