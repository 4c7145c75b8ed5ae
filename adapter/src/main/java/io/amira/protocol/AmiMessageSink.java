package io.amira.protocol;

/** Receives what {@link AmiDecoder} decodes, in stream order, on the decoding thread. */
public interface AmiMessageSink {

    /** The server's greeting line, e.g. {@code Asterisk Call Manager/11.0.0}; at most once per stream. */
    void onBanner(String banner);

    /** One complete packet. */
    void onMessage(AmiMessage message);

    /** A packet skipped because it broke a limit; decoding goes on with the next packet. */
    void onDropped(DroppedPacket dropped);
}
