package io.amira.it;

import io.amira.api.AmiAction;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;

/**
 * How many AMI sessions the server holds for {@link AmiTarget#sessionUsername()}: the simulator
 * counts its sessions (only this run uses it); a real Asterisk is asked {@code manager show
 * connected}, logged in as {@link AmiTarget#username()}, whose own session is not counted.
 */
public final class AmiSessions {

    private AmiSessions() {
    }

    public static int count() {
        if (AmiTarget.isSimulated()) {
            return AmiTarget.simulator().activeSessions();
        }
        AmiClientConfig config = AmiClientConfig.builder().host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret()).build();
        try (AmiClient client = AmiClient.connect(config, null)) {
            AmiResponse answer = client.send(AmiAction.builder("Command").header("Command", "manager show connected").build());
            int sessions = 0;
            for (String line : answer.outputLines()) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 1 && columns[0].equals(AmiTarget.sessionUsername())) {
                    sessions++;
                }
            }
            return AmiTarget.sessionUsername().equals(AmiTarget.username()) ? sessions - 1 : sessions;
        } catch (AmiException e) {
            throw new IllegalStateException("Cannot ask " + config.server() + " for its sessions: " + e.getMessage(), e);
        }
    }
}
