package io.amira.api;

/**
 * The outcome of an Originate: the {@code OriginateResponse} event Asterisk sent for this
 * Originate's ActionID (see {@link AmiConnection#originate}).
 */
public final class AmiOriginateResult {

    private final AmiEvent event;

    private AmiOriginateResult(AmiEvent event) {
        this.event = event;
    }

    /** The result an {@code OriginateResponse} event describes, e.g. one a message-driven bean received. */
    public static AmiOriginateResult of(AmiEvent originateResponse) {
        return new AmiOriginateResult(originateResponse);
    }

    /** True when the call was placed and answered ({@code Response: Success}). */
    public boolean isSuccess() {
        return "Success".equalsIgnoreCase(event.get("Response"));
    }

    /** Why the Originate ended the way it did ({@code Reason} header). */
    public OriginateReason reason() {
        return OriginateReason.fromHeader(event.get("Reason"));
    }

    /** The Uniqueid of the channel Asterisk created (may be {@code <null>} on failure). */
    public String uniqueId() {
        return event.get("Uniqueid");
    }

    /** The channel Asterisk called. */
    public String channel() {
        return event.get("Channel");
    }

    /** The whole {@code OriginateResponse} event. */
    public AmiEvent event() {
        return event;
    }

    @Override
    public String toString() {
        return "AmiOriginateResult[" + event.get("Response") + ", reason=" + reason() + ", uniqueId=" + uniqueId() + "]";
    }
}
