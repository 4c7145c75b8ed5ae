package io.amira.api;

/** Builds a {@code QueueAdd}: a member interface into a queue, with optional penalty, pause and names. */
public final class QueueAddBuilder {

    private final AmiAction.Builder builder;

    QueueAddBuilder(String queue, String iface) {
        this.builder = AmiAction.builder("QueueAdd").header("Queue", AmiActions.required("Queue", queue))
                .header("Interface", AmiActions.required("Interface", iface));
    }

    public QueueAddBuilder penalty(int penalty) {
        builder.header("Penalty", penalty);
        return this;
    }

    public QueueAddBuilder paused(boolean paused) {
        builder.header("Paused", paused);
        return this;
    }

    public QueueAddBuilder memberName(String memberName) {
        builder.header("MemberName", memberName);
        return this;
    }

    /** The device whose state counts for this member (e.g. {@code PJSIP/100} for a Local member). */
    public QueueAddBuilder stateInterface(String stateInterface) {
        builder.header("StateInterface", stateInterface);
        return this;
    }

    public QueueAddBuilder reason(String reason) {
        builder.header("Reason", reason);
        return this;
    }

    public AmiAction build() {
        return builder.build();
    }
}
