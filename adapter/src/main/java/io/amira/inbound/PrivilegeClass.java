package io.amira.inbound;

import java.util.List;
import java.util.Locale;

/** The event privilege classes of Asterisk's {@code manager.h}, as written in a {@code Privilege} header. */
final class PrivilegeClass {

    static final List<String> NAMES = List.of(
            "system", "call", "log", "verbose", "command", "agent", "user", "config", "dtmf",
            "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security");

    private PrivilegeClass() {
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
