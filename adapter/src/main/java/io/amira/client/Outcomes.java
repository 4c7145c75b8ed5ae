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

    /** The response packet {@code message} with a list's {@code items} and {@code completion} (both may be null). */
    static AmiResponse response(AmiMessage message, List<AmiEvent> items, AmiEvent completion) {
        AmiResponse.Builder response = AmiResponse.builder(message.name());
        boolean responseHeaderSkipped = false;
        for (int i = 0, size = message.size(); i < size; i++) {
            String header = message.headerName(i);
            if (!responseHeaderSkipped && header.equalsIgnoreCase("Response")) {
                responseHeaderSkipped = true;   // the builder starts with it
                continue;
            }
            response.header(header, message.headerValue(i));
        }
        if (items != null) {
            response.events(items);
        }
        return response.completion(completion).outputLines(message.outputLines()).build();
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
