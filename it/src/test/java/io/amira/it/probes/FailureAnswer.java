package io.amira.it.probes;

import jakarta.ws.rs.core.Response;

/**
 * A probe's answer to a failed call: HTTP 500 with the whole cause chain, one
 * {@code class: message} line per cause, so a test can assert on what the container wrapped.
 * Probe web modules that use it add this class to their archive.
 */
public final class FailureAnswer {

    private FailureAnswer() {
    }

    public static Response of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return Response.serverError().entity(text.toString()).build();
    }
}
