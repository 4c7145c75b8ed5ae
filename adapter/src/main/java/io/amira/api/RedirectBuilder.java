package io.amira.api;

/**
 * Builds a {@code Redirect} (blind transfer): the channel to a dialplan target, and optionally
 * its bridged peer ({@code ExtraChannel}) to the same or another target.
 */
public final class RedirectBuilder {

    private final AmiAction.Builder builder;
    private boolean targetSet;

    RedirectBuilder(String channel) {
        this.builder = AmiAction.builder("Redirect").header("Channel", AmiActions.required("Channel", channel));
    }

    public RedirectBuilder to(String context, String exten, int priority) {
        builder.header("Context", AmiActions.required("Context", context))
                .header("Exten", AmiActions.required("Exten", exten)).header("Priority", priority);
        targetSet = true;
        return this;
    }

    /** Moves {@code extraChannel} too, to {@code extraContext}/{@code extraExten}/{@code extraPriority}. */
    public RedirectBuilder extraChannel(String extraChannel, String extraContext, String extraExten, int extraPriority) {
        builder.header("ExtraChannel", AmiActions.required("ExtraChannel", extraChannel))
                .header("ExtraContext", AmiActions.required("ExtraContext", extraContext))
                .header("ExtraExten", AmiActions.required("ExtraExten", extraExten))
                .header("ExtraPriority", extraPriority);
        return this;
    }

    public AmiAction build() {
        if (!targetSet) {
            throw new IllegalStateException("Redirect needs a target: call to(context, exten, priority) first");
        }
        return builder.build();
    }
}
