package io.amira.simulator;

import java.util.Locale;

/** Asterisk's manager permission classes (manager.conf read=/write=, event categories, EventMask). */
final class EventClass {
    static final int SYSTEM = 1, CALL = 1 << 1, LOG = 1 << 2, VERBOSE = 1 << 3, COMMAND = 1 << 4,
            AGENT = 1 << 5, USER = 1 << 6, CONFIG = 1 << 7, DTMF = 1 << 8, REPORTING = 1 << 9,
            CDR = 1 << 10, DIALPLAN = 1 << 11, ORIGINATE = 1 << 12, AGI = 1 << 13, CC = 1 << 14,
            AOC = 1 << 15, TEST = 1 << 16, SECURITY = 1 << 17, MESSAGE = 1 << 18;
    static final int ALL = -1;

    private static final String[] NAMES = {"system", "call", "log", "verbose", "command", "agent", "user",
        "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test",
        "security", "message"};

    private EventClass() {
    }

    /** Parses "call,user", "all", "none" or "" into a mask. Unknown names are ignored, like Asterisk. */
    static int parseList(String list) {
        if (list == null) {
            return 0;
        }
        int mask = 0;
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                return ALL;
            }
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(name)) {
                    mask |= 1 << i;
                }
            }
        }
        return mask;
    }

    /** The classes named in a Privilege value or an action's "(Priv: ...)", ignoring "all". */
    static int namedClasses(String privilege) {
        int mask = 0;
        for (String c : privilege.split(",")) {
            if (!c.trim().equalsIgnoreCase("all")) {
                mask |= parseList(c);
            }
        }
        return mask;
    }

    /** An EventMask or Login Events value: on/off, yes/no, true/false, a number or a class list. */
    static int parseEventMask(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "on": case "yes": case "true": case "y": case "t": case "1":
                return ALL;
            case "off": case "no": case "false": case "n": case "f": case "0": case "":
                return 0;
            default:
                break;
        }
        if (v.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(v);
        }
        return parseList(v);
    }

    /** The Privilege header value for an event category, e.g. "call,all". */
    static String privilege(int category) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((category & (1 << i)) != 0) {
                sb.append(NAMES[i]).append(',');
            }
        }
        return sb.append("all").toString();
    }
}
