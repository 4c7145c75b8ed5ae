package io.amira.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Builders for the AMI actions applications send most, named as in the Asterisk AMI documentation.
 * Each returns a ready {@link AmiAction}, or a builder for actions with many optional headers
 * ({@link #originate}, {@link #redirect}, {@link #queueAdd}, {@link #updateConfig}). For any
 * other action use {@link #action(String)}. Optional arguments may be {@code null}: the header is
 * then left out.
 */
public final class AmiActions {

    private AmiActions() {
    }

    /** A builder for any action, e.g. {@code action("BridgeList")}. */
    public static AmiAction.Builder action(String name) {
        return AmiAction.builder(name);
    }

    public static AmiAction ping() {
        return AmiAction.of("Ping");
    }

    /** A builder for {@code Originate} of {@code channel} (e.g. {@code PJSIP/100}, {@code Local/100@demo}). */
    public static OriginateBuilder originate(String channel) {
        return new OriginateBuilder(channel);
    }

    /** {@code Hangup} of one channel (a {@code /regex/} hangs up every matching channel). */
    public static AmiAction hangup(String channel) {
        return hangup(channel, null);
    }

    public static AmiAction hangup(String channel, HangupCause cause) {
        AmiAction.Builder b = AmiAction.builder("Hangup").header("Channel", required("Channel", channel));
        if (cause != null) {
            b.header("Cause", cause.code());
        }
        return b.build();
    }

    /** A builder for {@code Redirect} (blind transfer) of {@code channel}, optionally with {@code ExtraChannel}. */
    public static RedirectBuilder redirect(String channel) {
        return new RedirectBuilder(channel);
    }

    /** {@code Status} of every channel: the response's {@link AmiResponse#events()} are the {@code Status} items. */
    public static AmiAction status() {
        return AmiAction.of("Status");
    }

    /** {@code Status} of one channel. */
    public static AmiAction status(String channel) {
        return optional(AmiAction.builder("Status"), "Channel", channel).build();
    }

    /** {@code Command}: a CLI command; its output is {@link AmiResponse#outputLines()}. */
    public static AmiAction command(String cliCommand) {
        return AmiAction.builder("Command").header("Command", required("Command", cliCommand)).build();
    }

    /** {@code Getvar}: a channel variable, or a global one when {@code channel} is null. */
    public static AmiAction getvar(String channel, String variable) {
        return optional(AmiAction.builder("Getvar"), "Channel", channel)
                .header("Variable", required("Variable", variable)).build();
    }

    /** {@code Setvar}: a channel variable, or a global one when {@code channel} is null. */
    public static AmiAction setvar(String channel, String variable, String value) {
        return optional(AmiAction.builder("Setvar"), "Channel", channel)
                .header("Variable", required("Variable", variable))
                .header("Value", value == null ? "" : value).build();
    }

    /** {@code ExtensionState}: the hint state of an extension ({@link ExtensionStatus#fromHeader} reads {@code Status}). */
    public static AmiAction extensionState(String exten, String context) {
        return AmiAction.builder("ExtensionState").header("Exten", required("Exten", exten))
                .header("Context", required("Context", context)).build();
    }

    /** {@code MailboxCount} of {@code mailbox@context}. */
    public static AmiAction mailboxCount(String mailbox) {
        return AmiAction.builder("MailboxCount").header("Mailbox", required("Mailbox", mailbox)).build();
    }

    /** {@code MailboxStatus} of {@code mailbox@context}. */
    public static AmiAction mailboxStatus(String mailbox) {
        return AmiAction.builder("MailboxStatus").header("Mailbox", required("Mailbox", mailbox)).build();
    }

    /** A builder for {@code QueueAdd} of member {@code iface} (e.g. {@code PJSIP/100}) to {@code queue}. */
    public static QueueAddBuilder queueAdd(String queue, String iface) {
        return new QueueAddBuilder(queue, iface);
    }

    public static AmiAction queueRemove(String queue, String iface) {
        return AmiAction.builder("QueueRemove").header("Queue", required("Queue", queue))
                .header("Interface", required("Interface", iface)).build();
    }

    /** {@code QueuePause} of a member in every queue. */
    public static AmiAction queuePause(String iface, boolean paused) {
        return queuePause(null, iface, paused, null);
    }

    /** {@code QueuePause} of a member in one queue ({@code queue} null: all), with an optional reason. */
    public static AmiAction queuePause(String queue, String iface, boolean paused, String reason) {
        AmiAction.Builder b = AmiAction.builder("QueuePause").header("Interface", required("Interface", iface))
                .header("Paused", paused);
        optional(b, "Queue", queue);
        return optional(b, "Reason", reason).build();
    }

    /** {@code QueuePenalty} of a member in one queue ({@code queue} null: all). */
    public static AmiAction queuePenalty(String queue, String iface, int penalty) {
        AmiAction.Builder b = AmiAction.builder("QueuePenalty").header("Interface", required("Interface", iface))
                .header("Penalty", penalty);
        return optional(b, "Queue", queue).build();
    }

    /** {@code QueueStatus} of every queue ({@code queue} null) or one: items {@code QueueParams}, {@code QueueMember}, {@code QueueEntry}. */
    public static AmiAction queueStatus(String queue) {
        return optional(AmiAction.builder("QueueStatus"), "Queue", queue).build();
    }

    /** {@code QueueSummary} of every queue ({@code queue} null) or one. */
    public static AmiAction queueSummary(String queue) {
        return optional(AmiAction.builder("QueueSummary"), "Queue", queue).build();
    }

    /** {@code DBGet}: the value arrives as the {@code Val} header of a {@code DBGetResponse} item. */
    public static AmiAction dbGet(String family, String key) {
        return AmiAction.builder("DBGet").header("Family", required("Family", family))
                .header("Key", required("Key", key)).build();
    }

    public static AmiAction dbPut(String family, String key, String value) {
        return AmiAction.builder("DBPut").header("Family", required("Family", family))
                .header("Key", required("Key", key)).header("Val", value == null ? "" : value).build();
    }

    /** {@code UserEvent}: raises event {@code UserEvent} named {@code name} carrying {@code headers} (order kept). */
    public static AmiAction userEvent(String name, Map<String, String> headers) {
        AmiAction.Builder b = AmiAction.builder("UserEvent").header("UserEvent", required("UserEvent", name));
        if (headers != null) {
            headers.forEach(b::header);
        }
        return b.build();
    }

    /** {@code CoreSettings}: {@code AsteriskVersion}, {@code AMIversion}, limits. */
    public static AmiAction coreSettings() {
        return AmiAction.of("CoreSettings");
    }

    /** {@code CoreStatus}: start-up and reload times, current calls. */
    public static AmiAction coreStatus() {
        return AmiAction.of("CoreStatus");
    }

    /** {@code Atxfer}: attended transfer of {@code channel} to {@code exten@context}. */
    public static AmiAction atxfer(String channel, String exten, String context) {
        return AmiAction.builder("Atxfer").header("Channel", required("Channel", channel))
                .header("Exten", required("Exten", exten)).header("Context", required("Context", context)).build();
    }

    /** {@code PlayDTMF}: plays one digit on a channel; {@code duration} null: Asterisk's default. */
    public static AmiAction playDtmf(String channel, char digit, Duration duration) {
        AmiAction.Builder b = AmiAction.builder("PlayDTMF").header("Channel", required("Channel", channel))
                .header("Digit", String.valueOf(digit));
        if (duration != null) {
            b.header("Duration", duration.toMillis());
        }
        return b.build();
    }

    /** {@code AbsoluteTimeout}: hang the channel up after {@code timeout} (whole seconds; zero cancels). */
    public static AmiAction absoluteTimeout(String channel, Duration timeout) {
        return AmiAction.builder("AbsoluteTimeout").header("Channel", required("Channel", channel))
                .header("Timeout", timeout.toSeconds()).build();
    }

    /**
     * {@code Park}: parks {@code channel}; {@code timeoutChannel} (may be null) gets the call back
     * after {@code timeout} (null: the parking lot's default).
     */
    public static AmiAction park(String channel, String timeoutChannel, Duration timeout) {
        AmiAction.Builder b = AmiAction.builder("Park").header("Channel", required("Channel", channel));
        optional(b, "TimeoutChannel", timeoutChannel);
        if (timeout != null) {
            b.header("Timeout", timeout.toMillis());
        }
        return b.build();
    }

    /** {@code ModuleCheck}: whether a module (e.g. {@code chan_pjsip}) is loaded. */
    public static AmiAction moduleCheck(String module) {
        return AmiAction.builder("ModuleCheck").header("Module", required("Module", module)).build();
    }

    /** What {@link #moduleLoad} does. */
    public enum ModuleLoadType { LOAD, UNLOAD, RELOAD }

    /** {@code ModuleLoad}; {@code module} may be null for a reload of everything. */
    public static AmiAction moduleLoad(String module, ModuleLoadType type) {
        AmiAction.Builder b = optional(AmiAction.builder("ModuleLoad"), "Module", module);
        return b.header("LoadType", type.name().toLowerCase(java.util.Locale.ROOT)).build();
    }

    /** {@code Monitor}: records a channel to {@code file} (null: a name from the channel) in {@code format} (null: wav). */
    public static AmiAction monitor(String channel, String file, String format, boolean mix) {
        AmiAction.Builder b = AmiAction.builder("Monitor").header("Channel", required("Channel", channel));
        optional(b, "File", file);
        optional(b, "Format", format);
        return b.header("Mix", mix).build();
    }

    public static AmiAction stopMonitor(String channel) {
        return AmiAction.builder("StopMonitor").header("Channel", required("Channel", channel)).build();
    }

    /** {@code GetConfig} of a configuration file, optionally of one category. */
    public static AmiAction getConfig(String filename, String category) {
        AmiAction.Builder b = AmiAction.builder("GetConfig").header("Filename", required("Filename", filename));
        return optional(b, "Category", category).build();
    }

    /** A builder for {@code UpdateConfig} of {@code srcFilename} into {@code dstFilename} with numbered changes. */
    public static UpdateConfigBuilder updateConfig(String srcFilename, String dstFilename) {
        return new UpdateConfigBuilder(srcFilename, dstFilename);
    }

    static String required(String header, String value) {
        return Objects.requireNonNull(value, () -> header + " is required");
    }

    static AmiAction.Builder optional(AmiAction.Builder builder, String header, String value) {
        return value == null ? builder : builder.header(header, value);
    }
}
