package io.amira.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns header names straight from bytes, so that a decoded packet's names are shared String
 * instances instead of fresh allocations. Starts with the names Asterisk sends most and learns
 * the others it meets, up to a fixed number (garbage cannot make it grow without bound).
 * Lookups compare bytes exactly: {@code ActionID} and {@code actionid} are different entries.
 * One instance per decoder; not thread-safe.
 */
final class HeaderNames {

    static final String EVENT = "Event";
    static final String RESPONSE = "Response";
    static final String ACTION_ID = "ActionID";
    static final String PRIVILEGE = "Privilege";

    /** Names every decoder knows from the start; the same instances for every decoder. */
    private static final String[] COMMON = {
        EVENT, RESPONSE, ACTION_ID, PRIVILEGE, "Message", "Output", "Channel", "Uniqueid", "Linkedid",
        "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum",
        "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority", "Application",
        "AppData", "Data", "Variable", "Value", "EventList", "ListItems", "Status", "Cause", "Cause-txt",
        "DestChannel", "DestChannelState", "DestChannelStateDesc", "DestCallerIDNum", "DestCallerIDName",
        "DestConnectedLineNum", "DestConnectedLineName", "DestLanguage", "DestAccountCode", "DestContext",
        "DestExten", "DestPriority", "DestUniqueid", "DestLinkedid", "DialString", "DialStatus",
        "BridgeUniqueid", "BridgeType", "BridgeTechnology", "BridgeCreator", "BridgeName",
        "BridgeNumChannels", "BridgeVideoSourceMode", "Queue", "Interface", "MemberName", "Position",
        "Count", "Timestamp", "Ping", "UserEvent", "Device", "State", "Reason", "Response", "Events",
        "SequenceNumber", "File", "Line", "Func", "EventTV", "Severity", "Service", "EventVersion",
        "AccountID", "SessionID", "LocalAddress", "RemoteAddress", "SessionTV", "UsingPassword",
        "Uptime", "LastReload", "Duration", "BillableSeconds", "Disposition", "AMAFlags", "Source",
        "Destination", "DestinationContext", "DestinationChannel", "CallerID", "LastApplication",
        "LastData", "StartTime", "AnswerTime", "EndTime", "UserField", "Variable", "ChanVariable",
        "Extension", "Hint", "StatusText", "Peer", "PeerStatus", "ChannelType", "ObjectName",
        "Digit", "Direction", "DurationMs", "Begin", "End", "Callers", "Completed", "Abandoned",
        "Holdtime", "TalkTime", "Max", "Strategy", "Calls", "Penalty", "CallsTaken", "LastCall",
        "LastPause", "InCall", "Paused", "PausedReason", "Membership", "StateInterface", "Ringinuse",
        "Wrapuptime", "LoginTime", "Seconds", "BridgeID", "BridgeId", "Type", "DNID", "Nativeformats",
        "Readformat", "Readtrans", "Writeformat", "Writetrans", "Callgroup", "Pickupgroup",
        "TimeToHangup", "EffectiveConnectedLineNum", "EffectiveConnectedLineName", "ApplicationData",
        "LocalOneChannel", "LocalOneChannelState", "LocalOneChannelStateDesc", "LocalOneCallerIDNum",
        "LocalOneCallerIDName", "LocalOneConnectedLineNum", "LocalOneConnectedLineName",
        "LocalOneLanguage", "LocalOneAccountCode", "LocalOneContext", "LocalOneExten",
        "LocalOnePriority", "LocalOneUniqueid", "LocalOneLinkedid", "LocalTwoChannel",
        "LocalTwoChannelState", "LocalTwoChannelStateDesc", "LocalTwoCallerIDNum",
        "LocalTwoCallerIDName", "LocalTwoConnectedLineNum", "LocalTwoConnectedLineName",
        "LocalTwoLanguage", "LocalTwoAccountCode", "LocalTwoContext", "LocalTwoExten",
        "LocalTwoPriority", "LocalTwoUniqueid", "LocalTwoLinkedid", "LocalOptimization",
        "Challenge", "Variable", "Value", "Name", "Location", "Paused",
    };

    /** Names whose values repeat from event to event: worth reusing through {@link ValueCache}. */
    private static final String[] REPEATING_VALUES = {
        EVENT, RESPONSE, PRIVILEGE, "Message", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
        "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority",
        "Application", "EventList", "Status", "Cause", "Cause-txt", "DestChannelState", "DestChannelStateDesc",
        "DestCallerIDNum", "DestCallerIDName", "DestConnectedLineNum", "DestConnectedLineName", "DestLanguage",
        "DestAccountCode", "DestContext", "DestExten", "DestPriority", "DialStatus", "BridgeType",
        "BridgeTechnology", "BridgeCreator", "BridgeName", "BridgeNumChannels", "BridgeVideoSourceMode", "Queue",
        "Severity", "Service", "EventVersion", "AccountID", "LocalAddress", "UsingPassword", "Disposition",
        "AMAFlags", "DestinationContext", "LastApplication", "Direction", "Reason", "UserEvent", "ChannelType",
        "PeerStatus", "State", "Strategy", "Paused", "Membership", "Ringinuse", "InCall", "Penalty",
        "LocalOneChannelState", "LocalOneChannelStateDesc", "LocalOneCallerIDNum", "LocalOneCallerIDName",
        "LocalOneConnectedLineNum", "LocalOneConnectedLineName", "LocalOneLanguage", "LocalOneAccountCode",
        "LocalOneContext", "LocalOneExten", "LocalOnePriority", "LocalTwoChannelState",
        "LocalTwoChannelStateDesc", "LocalTwoCallerIDNum", "LocalTwoCallerIDName", "LocalTwoConnectedLineNum",
        "LocalTwoConnectedLineName", "LocalTwoLanguage", "LocalTwoAccountCode", "LocalTwoContext",
        "LocalTwoExten", "LocalTwoPriority", "LocalOptimization",
    };

    private static final int SLOTS = 2048;          // power of two, at most half full
    private static final int MAX_ENTRIES = SLOTS / 2;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];
    private final boolean[] repeatingValues = new boolean[SLOTS];
    private int entries;
    /** Whether the name last returned by {@link #name} has values worth reusing. */
    boolean lastHasRepeatingValues;

    HeaderNames() {
        for (String name : COMMON) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            intern(bytes, 0, bytes.length, Bytes.hash(bytes, 0, bytes.length), name, false);
        }
        for (String name : REPEATING_VALUES) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            intern(bytes, 0, bytes.length, Bytes.hash(bytes, 0, bytes.length), name, true);
        }
    }

    /** The name spelled by {@code bytes[from, to)}. */
    String name(byte[] bytes, int from, int to) {
        int hash = Bytes.hash(bytes, from, to);
        int len = to - from;
        int mask = SLOTS - 1;
        int slot = spread(hash) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == len && Bytes.equal(key, 0, bytes, from, len)) {
                lastHasRepeatingValues = repeatingValues[slot];
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
        String name = new String(bytes, from, len, StandardCharsets.UTF_8);
        lastHasRepeatingValues = false;
        if (entries < MAX_ENTRIES) {
            keys[slot] = Arrays.copyOfRange(bytes, from, to);
            names[slot] = name;
            entries++;
        }
        return name;
    }

    private void intern(byte[] bytes, int from, int to, int hash, String name, boolean repeating) {
        int mask = SLOTS - 1;
        int slot = spread(hash) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
                repeatingValues[slot] |= repeating;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        names[slot] = name;
        repeatingValues[slot] = repeating;
        entries++;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
