package io.amira.api;

import java.time.Instant;

/**
 * One channel as the live view tracks it ({@link AmiLiveState}): the values of Asterisk's last
 * event about it. Caller ID values are kept as Asterisk sends them ({@code <unknown>} included).
 *
 * @param uniqueId          the channel's {@code Uniqueid}: its identity, stable across renames
 * @param name              the channel's name, e.g. {@code PJSIP/1001-00000012}
 * @param state             its state
 * @param callerIdNum       {@code CallerIDNum}
 * @param callerIdName      {@code CallerIDName}
 * @param connectedLineNum  {@code ConnectedLineNum}: the other party's number
 * @param connectedLineName {@code ConnectedLineName}
 * @param linkedId          the {@code Linkedid} shared by every channel of its call
 * @param bridgeId          the {@code BridgeUniqueid} of the bridge it is in, or {@code null} when in none
 * @param created           when it was created: when the view saw its {@code Newchannel}, or, for a channel
 *                          that existed before the view (re)connected, estimated from Asterisk's
 *                          {@code Duration} to the second
 */
public record LiveChannel(String uniqueId, String name, ChannelState state, String callerIdNum, String callerIdName,
                          String connectedLineNum, String connectedLineName, String linkedId, String bridgeId,
                          Instant created) {

    /** Whether the channel is in a bridge (talking to another party, or in a conference). */
    public boolean isBridged() {
        return bridgeId != null;
    }
}
