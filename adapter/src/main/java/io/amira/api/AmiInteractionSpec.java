package io.amira.api;

import jakarta.resource.cci.InteractionSpec;

import java.time.Duration;
import java.util.Objects;

/**
 * What a CCI {@code Interaction.execute} sends: the AMI action's name (e.g. {@code Status}) and
 * how long to wait for its response (0 = the connection definition's action timeout). The input
 * record's entries become the action's headers.
 */
public class AmiInteractionSpec implements InteractionSpec {

    private static final long serialVersionUID = 1L;

    private String actionName;
    private long timeoutMillis;

    /** A JavaBean for tools; set the action name before use. */
    public AmiInteractionSpec() {
    }

    public AmiInteractionSpec(String actionName) {
        this(actionName, Duration.ZERO);
    }

    public AmiInteractionSpec(String actionName, Duration timeout) {
        setActionName(actionName);
        setTimeoutMillis(timeout.toMillis());
    }

    public String getActionName() {
        return actionName;
    }

    public void setActionName(String actionName) {
        this.actionName = Objects.requireNonNull(actionName, "actionName");
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be 0 (default) or positive, not " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String toString() {
        return "AmiInteractionSpec[" + actionName + ", timeout=" + timeoutMillis + "ms]";
    }
}
