package io.amira.health;

import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiTimeoutException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why no pooled AMI connection could be had, in the words an administrator needs: the container
 * reports "unable to get managed connection", the cause is in the chain underneath (the typed
 * factory's {@code AmiConnectException} keeps it).
 */
final class FailureCause {

    private static final Pattern USER = Pattern.compile("as user '([^']*)'");
    private static final String PLAIN_TO_TLS = "Unsupported or unrecognized SSL message";

    private FailureCause() {
    }

    /** A short cause, with the question to ask where there is one. */
    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmiAuthenticationException) {
                Matcher user = USER.matcher(String.valueOf(cause.getMessage()));
                return user.find() ? "login refused for user '" + user.group(1) + "'" : "login refused";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return String.valueOf(cause.getMessage()).contains(PLAIN_TO_TLS)
                        ? "TLS handshake failed: the server does not speak TLS on this port (is Tls set for a plain AMI port?)"
                        : "TLS handshake failed: " + cause.getMessage();
            }
            if (cause instanceof ConnectException) {
                return "connection refused (is the AMI enabled on that host and port?)";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException || cause instanceof AmiTimeoutException) {
                return "timeout (no answer in time: a firewall, a hung server, or a TLS port: is Tls set?)";
            }
            if (cause instanceof AmiConnectionLostException) {
                return "the server closed the connection during the login (a TLS port? is Tls set?)";
            }
        }
        return "no connection";
    }
}
