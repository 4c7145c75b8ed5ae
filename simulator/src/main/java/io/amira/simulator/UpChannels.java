package io.amira.simulator;

import java.util.Locale;

/**
 * Channels that called {@code 400@demo} and stay up in Echo() until hung up, named like phones
 * ({@code PJSIP/phone000001-0000002a}): the load behind a CoreShowChannels of 200,000 items.
 * Each is announced as Asterisk would (Newchannel, Newexten, Newstate, DeviceStateChange,
 * Newexten). PBX thread only.
 */
final class UpChannels {
    private final Pbx pbx;
    private int made;

    UpChannels(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Makes {@code count} more; with announce false (before anyone can listen) no events are built. */
    void create(int count, boolean announce) {
        for (int i = 0; i < count; i++) {
            String number = String.format(Locale.ROOT, "%06d", ++made);
            String device = "PJSIP/phone" + number;
            Channel c = pbx.newChannel(device + "-" + pbx.nextLocalId(), null, device, "demo", "400");
            c.callerIdNum = number;
            c.callerIdName = "Phone " + number;
            c.state = 4;
            c.application = "Answer";
            if (announce) {
                pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newchannel", ChannelEvents.CALL, c));
                pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(c, new Dialplan.Step("Answer", "", 0)));
            }
            c.state = 6;
            c.answeredMillis = System.currentTimeMillis();
            c.priority = 2;
            c.application = "Echo";
            c.singleApp = new Dialplan.Step("Echo", "", 0);
            if (announce) {
                pbx.publish(EventClass.CALL, ChannelEvents.channelEvent("Newstate", ChannelEvents.CALL, c));
                pbx.publishDeviceState(c);
                pbx.publish(EventClass.DIALPLAN, ChannelEvents.newexten(c, c.singleApp));
            }
        }
    }
}
