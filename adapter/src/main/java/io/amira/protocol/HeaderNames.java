package io.amira.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns header names straight from bytes, so that a decoded packet's names are shared String
 * instances instead of fresh allocations. Starts with the names Asterisk sends most and learns
 * the others it meets, up to a fixed number (garbage cannot make it grow without bound).
 * Lookups compare bytes exactly: {@code ActionID} and {@code actionid} are different entries.
 * The known names are one read-only table for all decoders; the learned ones are per decoder.
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

    /** The names above, shared read-only by every decoder (an idle session pays nothing for them). */
    private static final Table KNOWN = Table.known();
    /** Slots of a decoder's own table of the other names it meets; made when it meets the first. */
    private static final int LEARNED_SLOTS = 2048;  // power of two, at most half full
    private static final int MAX_LEARNED = LEARNED_SLOTS / 2;

    private Table learned;
    /** Whether the name last returned by {@link #name} has values worth reusing. */
    boolean lastHasRepeatingValues;
    /** Whether the name last returned by {@link #name} is one of the known names (spelled exactly so). */
    boolean lastIsKnown;

    /** The name spelled by {@code bytes[from, to)}. */
    String name(byte[] bytes, int from, int to) {
        int hash = spread(Bytes.hash(bytes, from, to));
        int slot = KNOWN.find(bytes, from, to, hash);
        if (slot >= 0) {
            lastHasRepeatingValues = KNOWN.repeatingValues[slot];
            lastIsKnown = true;
            return KNOWN.names[slot];
        }
        lastHasRepeatingValues = false;
        lastIsKnown = false;
        if (learned == null) {
            learned = new Table(LEARNED_SLOTS);
        }
        slot = learned.find(bytes, from, to, hash);
        if (slot >= 0) {
            return learned.names[slot];
        }
        String name = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (learned.entries < MAX_LEARNED) {
            learned.put(-slot - 1, Arrays.copyOfRange(bytes, from, to), name, false);
        }
        return name;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /** Open addressing with linear probing over the name's bytes. */
    private static final class Table {
        final byte[][] keys;
        final String[] names;
        final boolean[] repeatingValues;
        int entries;

        Table(int slots) {
            keys = new byte[slots][];
            names = new String[slots];
            repeatingValues = new boolean[slots];
        }

        static Table known() {
            // Shared, so its size costs nothing per session: as sparse as the per-decoder table was.
            Table table = new Table(LEARNED_SLOTS);
            for (String name : COMMON) {
                table.intern(name, false);
            }
            for (String name : REPEATING_VALUES) {
                table.intern(name, true);
            }
            if (table.entries > table.keys.length / 2) {
                throw new IllegalStateException("HeaderNames: " + table.entries + " known names, more than half the slots");
            }
            return table;
        }

        private void intern(String name, boolean repeating) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            int slot = find(bytes, 0, bytes.length, spread(Bytes.hash(bytes, 0, bytes.length)));
            if (slot >= 0) {
                repeatingValues[slot] |= repeating;
            } else {
                put(-slot - 1, bytes, name, repeating);
            }
        }

        /** The slot holding {@code bytes[from, to)}, or {@code -(free slot) - 1} where it would go. */
        int find(byte[] bytes, int from, int to, int spreadHash) {
            int mask = keys.length - 1;
            int len = to - from;
            int slot = spreadHash & mask;
            byte[] key;
            while ((key = keys[slot]) != null) {
                if (key.length == len && Bytes.equal(key, 0, bytes, from, len)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
            return -slot - 1;
        }

        void put(int slot, byte[] key, String name, boolean repeating) {
            keys[slot] = key;
            names[slot] = name;
            repeatingValues[slot] = repeating;
            entries++;
        }
    }
}
