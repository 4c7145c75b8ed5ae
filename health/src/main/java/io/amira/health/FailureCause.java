package io.amira.health;

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
 * factory's {@code AmiConnectException} keeps it). The adapter's exceptions are recognised by class
 * name along the class hierarchy: this library does not see the adapter's classes everywhere.
 */
final class FailureCause {

    private static final Pattern USER = Pattern.compile("as user '([^']*)'");
    private static final String PLAIN_TO_TLS = "Unsupported or unrecognized SSL message";
    private static final String AUTHENTICATION = "io.amira.api.AmiAuthenticationException";
    private static final String CONNECTION_LOST = "io.amira.api.AmiConnectionLostException";
    private static final String TIMEOUT = "io.amira.api.AmiTimeoutException";

    private FailureCause() {
    }

    /** A short cause, with the question to ask where there is one. */
    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (is(cause, AUTHENTICATION)) {
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
            if (cause instanceof SocketTimeoutException || is(cause, TIMEOUT)) {
                return "timeout (no answer in time: a firewall, a hung server, or a TLS port: is Tls set?)";
            }
            if (is(cause, CONNECTION_LOST)) {
                return "the server closed the connection during the login (a TLS port? is Tls set?)";
            }
        }
        return "no connection";
    }

    /** Whether {@code failure}'s class is, or extends, the class named {@code className}. */
    private static boolean is(Throwable failure, String className) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
