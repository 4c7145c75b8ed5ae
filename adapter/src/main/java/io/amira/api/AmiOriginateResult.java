package io.amira.api;

/**
 * The outcome of an asynchronous Originate: the {@code OriginateResponse} event Asterisk sent for
 * this Originate's ActionID.
 */
public final class AmiOriginateResult {

    private final AmiEvent event;

    private AmiOriginateResult(AmiEvent event) {
        this.event = event;
    }

    /** The result an {@code OriginateResponse} event describes. */
    public static AmiOriginateResult of(AmiEvent originateResponse) {
        return new AmiOriginateResult(originateResponse);
    }

    /** True when the call was placed and answered ({@code Response: Success}). */
    public boolean isSuccess() {
        return "Success".equalsIgnoreCase(event.get("Response"));
    }

    public OriginateReason reason() {
        return OriginateReason.fromHeader(event.get("Reason"));
    }

    /** The Uniqueid of the channel Asterisk created (may be {@code <null>} on failure). */
    public String uniqueid() {
        return event.get("Uniqueid");
    }

    public String channel() {
        return event.get("Channel");
    }

    /** The whole {@code OriginateResponse} event. */
    public AmiEvent event() {
        return event;
    }

    @Override
    public String toString() {
        return "AmiOriginateResult[" + event.get("Response") + ", reason=" + reason() + ", uniqueid=" + uniqueid() + "]";
    }
}
