package io.amira.api;

import java.time.Duration;

/**
 * Builds an {@code Originate}: the channel to call, then either a dialplan target
 * ({@link #toExtension}) or an application ({@link #toApplication}). {@link #async(boolean)}
 * makes Asterisk answer at once and report the outcome later as an {@code OriginateResponse}
 * event (see {@link AmiConnection#originateAsync}).
 */
public final class OriginateBuilder {

    private final AmiAction.Builder builder;

    OriginateBuilder(String channel) {
        this.builder = AmiAction.builder("Originate").header("Channel", AmiActions.required("Channel", channel));
    }

    public OriginateBuilder toExtension(String context, String exten, int priority) {
        builder.header("Context", AmiActions.required("Context", context))
                .header("Exten", AmiActions.required("Exten", exten)).header("Priority", priority);
        return this;
    }

    public OriginateBuilder toApplication(String application, String data) {
        builder.header("Application", AmiActions.required("Application", application));
        AmiActions.optional(builder, "Data", data);
        return this;
    }

    /** How long to wait for the channel to answer (sent in milliseconds). */
    public OriginateBuilder timeout(Duration timeout) {
        builder.header("Timeout", timeout.toMillis());
        return this;
    }

    /** e.g. {@code "Sales" <1234>}. */
    public OriginateBuilder callerId(String callerId) {
        builder.header("CallerID", callerId);
        return this;
    }

    /** A channel variable; repeatable. */
    public OriginateBuilder variable(String name, String value) {
        builder.header("Variable", name + "=" + value);
        return this;
    }

    public OriginateBuilder account(String account) {
        builder.header("Account", account);
        return this;
    }

    public OriginateBuilder async(boolean async) {
        builder.header("Async", async);
        return this;
    }

    public OriginateBuilder earlyMedia(boolean earlyMedia) {
        builder.header("EarlyMedia", earlyMedia);
        return this;
    }

    /** e.g. {@code ulaw,alaw}. */
    public OriginateBuilder codecs(String codecs) {
        builder.header("Codecs", codecs);
        return this;
    }

    /**
     * The Uniqueid the new channel gets (and {@code otherChannelId} its Local peer's). Give every
     * call an id of the same length (a UUID, a zero-padded counter): Asterisk 22 refuses the
     * Originate ({@code Reason: 0}) when the id is a prefix of a live channel's Uniqueid, since its
     * channel storage looks Uniqueids up by prefix ({@code call-1} while {@code call-10} is up).
     */
    public OriginateBuilder channelId(String channelId, String otherChannelId) {
        builder.header("ChannelId", channelId);
        AmiActions.optional(builder, "OtherChannelId", otherChannelId);
        return this;
    }

    /** Any other Originate header. */
    public OriginateBuilder header(String name, String value) {
        builder.header(name, value);
        return this;
    }

    public AmiAction build() {
        return builder.build();
    }
}
