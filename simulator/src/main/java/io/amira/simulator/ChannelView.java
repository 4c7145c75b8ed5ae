package io.amira.simulator;

/**
 * What a list answer shows of one channel, copied on the PBX thread at the moment of the snapshot
 * and encoded later by the session's writer (a list of 200,000 channels streams from these).
 */
record ChannelView(String name, int state, String callerIdNum, String callerIdName, String connectedNum,
        String connectedName, String accountCode, String context, String exten, int priority, String uniqueid,
        String linkedid, String application, String data, String bridgeId, long createdMillis) {

    /** The channel snapshot every channel event and list item carries, header names prefixed (Dest, LocalOne...). */
    Packet addTo(Packet p, String prefix) {
        return p.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state)
                .add(prefix + "ChannelStateDesc", Channel.stateDesc(state))
                .add(prefix + "CallerIDNum", callerIdNum)
                .add(prefix + "CallerIDName", callerIdName)
                .add(prefix + "ConnectedLineNum", connectedNum)
                .add(prefix + "ConnectedLineName", connectedName)
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", accountCode)
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }

    long seconds(long nowMillis) {
        return (nowMillis - createdMillis) / 1000;
    }
}
