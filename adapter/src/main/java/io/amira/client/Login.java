package io.amira.client;

import io.amira.api.AmiAction;
import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiException;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;

/**
 * The login exchange: plain ({@code Secret}) or MD5 ({@code Challenge}, then {@code Key}), each
 * answer awaited only until the connect deadline.
 */
final class Login {

    private Login() {
    }

    /**
     * @throws AmiAuthenticationException the server refused the login
     * @throws AmiConnectException no answer before the deadline, or the session ended first
     */
    static void perform(AmiClient client, AmiClientConfig config, ConnectDeadline deadline) throws AmiException {
        try {
            exchange(client, config, deadline);
        } catch (AmiConnectionLostException e) {
            throw new AmiConnectException("Cannot log in to " + config.server() + " as user '" + config.username()
                    + "': " + e.getMessage(), e);
        }
    }

    private static void exchange(AmiClient client, AmiClientConfig config, ConnectDeadline deadline) throws AmiException {
        AmiAction.Builder login = AmiAction.builder("Login");
        if (config.authType() == AmiClientConfig.AuthType.MD5) {
            String challenge = challenge(client, config, deadline);
            login.header("AuthType", "MD5")
                    .header("Username", config.username())
                    .header("Key", Md5.key(challenge, config.secret()));
        } else {
            login.header("Username", config.username())
                    .header("Secret", config.secret());
        }
        login.header("Events", config.events());
        try {
            send(client, login.build(), deadline);
        } catch (AmiActionFailedException e) {
            throw refused(config, e.response());
        } catch (AmiPermissionDeniedException e) {
            throw refused(config, e.response());
        }
    }

    private static String challenge(AmiClient client, AmiClientConfig config, ConnectDeadline deadline) throws AmiException {
        AmiResponse response;
        try {
            response = send(client, AmiAction.builder("Challenge").header("AuthType", "MD5").build(), deadline);
        } catch (AmiActionFailedException e) {
            throw new AmiAuthenticationException("MD5 login to " + config.server() + " as user '" + config.username()
                    + "' failed: the server refused the Challenge (" + e.response().message()
                    + "). Use the PLAIN auth type with this server");
        }
        String challenge = response.get("Challenge");
        if (challenge == null || challenge.isEmpty()) {
            throw new AmiAuthenticationException("MD5 login to " + config.server() + " as user '" + config.username()
                    + "' failed: the Challenge response holds no challenge");
        }
        return challenge;
    }

    private static AmiAuthenticationException refused(AmiClientConfig config, AmiResponse response) {
        String message = response == null ? null : response.message();
        return new AmiAuthenticationException("Login to " + config.server() + " as user '" + config.username()
                + "' (" + config.authType() + ") refused: " + (message == null ? "Response: Error" : message)
                + ". Check the username and secret, and the user's permit/deny in manager.conf");
    }

    /** Sends a login step with what is left of the connect's deadline. */
    private static AmiResponse send(AmiClient client, AmiAction step, ConnectDeadline deadline) throws AmiException {
        String what = "the " + step.name();
        try {
            return client.send(step, deadline.remainingFor(what));
        } catch (AmiTimeoutException e) {
            throw deadline.passed(what, e);
        }
    }
}
