package io.amira.client;

import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.protocol.AmiMessage;

import java.util.List;

/** Turns decoded packets into {@link AmiResponse}s and Error answers into the matching exception. */
final class Outcomes {

    private Outcomes() {
    }

    static AmiResponse response(AmiMessage message, List<AmiEvent> items, AmiEvent completion) {
        int size = message.size();
        String[] names = new String[size];
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = message.headerName(i);
            values[i] = message.headerValue(i);
        }
        String name = message.responseOrEventName();
        return AmiResponse.of(name == null ? "" : name, names, values, items, completion, message.outputLines());
    }

    /** The exception an unsuccessful answer means, or null when the answer is a success. */
    static AmiException failure(AmiResponse response, PendingAction action) {
        if (response.isSuccess()) {
            return null;
        }
        String message = response.message();
        if (message != null && message.equalsIgnoreCase("Permission denied")) {
            return new AmiPermissionDeniedException(action.describe() + " refused: Permission denied"
                    + " (the AMI user lacks the write class this action needs in manager.conf,"
                    + " or the session is not logged in)", response);
        }
        return new AmiActionFailedException(action.describe() + " failed: Response: " + response.name()
                + (message == null ? "" : ", Message: " + message), response);
    }
}
