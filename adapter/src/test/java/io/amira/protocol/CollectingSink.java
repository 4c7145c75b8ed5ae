package io.amira.protocol;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the decoder hands over, in order, as comparable text. */
final class CollectingSink implements AmiMessageSink {

    final List<String> banners = new ArrayList<>();
    final List<AmiMessage> messages = new ArrayList<>();
    final List<DroppedPacket> dropped = new ArrayList<>();

    @Override
    public void onBanner(String banner) {
        banners.add(banner);
    }

    @Override
    public void onMessage(AmiMessage message) {
        messages.add(message);
    }

    @Override
    public void onDropped(DroppedPacket packet) {
        dropped.add(packet);
    }

    /** Banner and every packet (headers, body lines) rendered as one string, for equality checks. */
    String render() {
        StringBuilder out = new StringBuilder();
        for (String banner : banners) {
            out.append("BANNER ").append(banner).append('\n');
        }
        for (AmiMessage m : messages) {
            out.append(m.kind()).append(' ').append(m.responseOrEventName()).append('\n');
            for (int i = 0; i < m.size(); i++) {
                out.append("  ").append(m.headerName(i)).append("=[").append(m.headerValue(i)).append("]\n");
            }
            if (m.isLegacyCommandOutput()) {
                for (String line : m.outputLines()) {
                    out.append("  | ").append(line).append('\n');
                }
            }
        }
        for (DroppedPacket d : dropped) {
            out.append("DROPPED ").append(d.describe()).append('\n');
        }
        return out.toString();
    }
}
