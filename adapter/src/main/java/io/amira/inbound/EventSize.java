package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.protocol.AmiDecoder;
import io.amira.protocol.AmiMessage;

/**
 * What an event waiting in the buffer counts against its capacity: the packet's size as the decoder
 * counted it while reading ({@link AmiMessage#countedBytes()}: its lines with their line ends, a
 * short line counted as {@value AmiDecoder#MIN_COUNTED_LINE_BYTES} bytes), so the reading thread
 * pays nothing to know it. It is a little more than the heap a decoded event holds (header names
 * are interned and values that repeat from event to event shared by the decoder): measured on a
 * recorded real Asterisk 22 storm of 2,000 calls, 515 bytes counted per event for 383 to 416 bytes
 * of heap (docs/PERFORMANCE.md, section "Call storms").
 */
final class EventSize {

    private EventSize() {
    }

    static long of(AmiEvent event) {
        return event instanceof AmiMessage message ? message.countedBytes() : countedBytes(event);
    }

    /** As the decoder counts a packet, for events built otherwise (tests, notifications). */
    private static long countedBytes(AmiEvent event) {
        long bytes = 0;
        for (int i = 0; i < event.size(); i++) {
            int line = event.headerName(i).length() + 2 + event.headerValue(i).length() + 2;
            bytes += Math.max(line, AmiDecoder.MIN_COUNTED_LINE_BYTES);
        }
        return bytes;
    }
}
