package io.amira.protocol;

/**
 * A packet the {@link AmiDecoder} skipped because it broke a limit, reported once the packet has
 * ended (its empty line), with what could be learnt of it while skipping: the first header and the
 * first {@code ActionID} line, wherever it stood in the packet. Lines longer than the line limit
 * are never looked at, so an {@code ActionID} inside one stays unknown; so does one inside a legacy
 * Command body, which is raw text.
 */
public final class DroppedPacket {

    /** Which limit the packet broke. */
    public enum Reason {
        /** A line longer than {@link AmiDecoder#maxLineLength()} bytes (CR LF not counted). */
        LINE_LENGTH,
        /** More than {@link AmiDecoder#maxPacketBytes()} bytes, counted as {@link AmiMessage#countedBytes()}. */
        PACKET_BYTES
    }

    private final Reason reason;
    private final long limit;
    private final long countedBytes;
    private final String firstHeader;
    private final String actionId;

    DroppedPacket(Reason reason, long limit, long countedBytes, String firstHeader, String actionId) {
        this.reason = reason;
        this.limit = limit;
        this.countedBytes = countedBytes;
        this.firstHeader = firstHeader;
        this.actionId = actionId;
    }

    public Reason reason() {
        return reason;
    }

    /** The value of the limit that was broken, in bytes. */
    public long limit() {
        return limit;
    }

    /** The packet's size as the decoder counts it ({@link AmiMessage#countedBytes()}). */
    public long countedBytes() {
        return countedBytes;
    }

    /** The packet's first line, e.g. {@code Event: VarSet} (at most 80 characters), or null when that line was too long. */
    public String firstHeader() {
        return firstHeader;
    }

    /** The value of the packet's first {@code ActionID} header, or null when none was seen. */
    public String actionId() {
        return actionId;
    }

    /** e.g. {@code AMI packet "Response: Success" (ActionID 7) of 70000000 bytes, over the limit of 67108864 bytes}. */
    public String describe() {
        String what = "AMI packet" + (firstHeader == null ? "" : " \"" + firstHeader + "\"")
                + (actionId == null ? "" : " (ActionID " + actionId + ")");
        return reason == Reason.LINE_LENGTH
                ? what + " with a line longer than the limit of " + limit + " bytes"
                : what + " of " + countedBytes + " bytes, over the limit of " + limit + " bytes";
    }

    @Override
    public String toString() {
        return "DroppedPacket[" + describe() + "]";
    }
}
