package io.amira.it;

import io.amira.api.AmiAction;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AMI sessions the server holds for {@link AmiTarget#sessionUsername()}: how many (the simulator
 * counts its sessions, only this run uses it; a real Asterisk is asked {@code manager show
 * connected}, logged in as {@link AmiTarget#username()}, whose own session is not counted), and, on a
 * real Asterisk, ending them all.
 */
public final class AmiSessions {

    private AmiSessions() {
    }

    public static int count() {
        if (AmiTarget.isSimulated()) {
            return AmiTarget.simulator().activeSessions();
        }
        try (AmiClient client = AmiClient.connect(asteriskAdmin(), null)) {
            int sessions = sessionFds(client).length;
            return AmiTarget.sessionUsername().equals(AmiTarget.username()) ? sessions - 1 : sessions;
        } catch (AmiException e) {
            throw new IllegalStateException("Cannot ask " + AmiTarget.host() + ":" + AmiTarget.port() + " for its sessions: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Ends every session of {@link AmiTarget#sessionUsername()} on a real Asterisk ({@code manager kick
     * session <fd>}): a lost connection for whatever logged in as that user. Skips the calling test
     * unless the user is a dedicated one (AMIRA_IT_SESSION_USERNAME), no other client's.
     */
    public static void kickAll() throws AmiException {
        assumeDedicatedUser();
        try (AmiClient client = AmiClient.connect(asteriskAdmin(), null)) {
            for (String fd : sessionFds(client)) {
                client.send(command("manager kick session " + fd));
            }
        }
    }

    /** Skips the calling test unless the session user is a dedicated one, whose sessions {@link #kickAll} may end. */
    public static void assumeDedicatedUser() {
        assumeTrue(!AmiTarget.sessionUsername().equals(AmiTarget.username()), "kicks every session of its AMI user:"
                + " needs AMIRA_IT_SESSION_USERNAME, a user no other client of that Asterisk uses");
    }

    /** The file descriptors of the session user's sessions, from {@code manager show connected}. */
    private static String[] sessionFds(AmiClient client) throws AmiException {
        AmiResponse answer = client.send(command("manager show connected"));
        return answer.outputLines().stream().map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length > 4 && columns[0].equals(AmiTarget.sessionUsername()))
                .map(columns -> columns[4]).toArray(String[]::new);
    }

    private static AmiAction command(String cli) {
        return AmiAction.builder("Command").header("Command", cli).build();
    }

    private static AmiClientConfig asteriskAdmin() {
        return AmiClientConfig.builder().host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret()).build();
    }
}
