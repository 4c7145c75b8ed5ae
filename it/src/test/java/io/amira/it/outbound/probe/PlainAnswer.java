package io.amira.it.outbound.probe;

import jakarta.ws.rs.core.Response;

/** A probe's answer: the call's text, or HTTP 500 with the exception's class and message. */
final class PlainAnswer {

    interface Call {
        String run() throws Exception;
    }

    private PlainAnswer() {
    }

    static Response of(Call call) {
        try {
            return Response.ok(call.run()).build();
        } catch (Exception e) {
            return Response.serverError().entity(e.getClass().getName() + ": " + e.getMessage()).build();
        }
    }
}
