package io.amira.inbound;

import io.amira.api.AmiEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which events an activation wants: an event passes when its name is among the wanted names (or no
 * names are given), one of its privilege classes is in the class mask (or no mask is given) and
 * every header match holds. Lifecycle notifications are not Asterisk events and are not filtered
 * here. Its settings are immutable; answers for event names and Privilege values are remembered
 * ({@link DecisionCache}). Safe for concurrent use.
 */
final class EventFilter {


    private final Set<String> names;       // lower case
    private final Set<String> namesAsGiven;
    private final Set<String> classes;    // lower case
    private final List<HeaderMatch> headerMatches;
    private final DecisionCache wantedNames = new DecisionCache(this::hasWantedName);
    private final DecisionCache wantedClasses = new DecisionCache(this::hasWantedClass);

    EventFilter(Set<String> names, Set<String> classes, List<HeaderMatch> headerMatches) {
        this.names = lowerCase(names);
        this.namesAsGiven = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        this.classes = lowerCase(classes);
        this.headerMatches = List.copyOf(headerMatches);
    }

    boolean accepts(AmiEvent event) {
        if (!names.isEmpty() && !wantedNames.test(event.name())) {
            return false;
        }
        if (!classes.isEmpty()) {
            String privilege = event.get("Privilege");
            if (privilege == null || !wantedClasses.test(privilege)) {
                return false;
            }
        }
        for (HeaderMatch match : headerMatches) {
            if (!match.matches(event)) {
                return false;
            }
        }
        return true;
    }

    /** The wanted event names as configured, empty for all. */
    Set<String> names() {
        return namesAsGiven;
    }

    /** The class mask for the login's {@code Events} header: {@code on} when every class is wanted. */
    String loginEventMask() {
        return classes.isEmpty() ? "on" : String.join(",", classes);
    }

    private boolean hasWantedName(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    private boolean hasWantedClass(String privilege) {
        int start = 0;
        while (start <= privilege.length()) {
            int comma = privilege.indexOf(',', start);
            int end = comma < 0 ? privilege.length() : comma;
            String one = privilege.substring(start, end).trim().toLowerCase(Locale.ROOT);
            if (classes.contains(one)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            result.add(value.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(result);
    }

    @Override
    public String toString() {
        return "EventFilter[names=" + names + ", classes=" + classes + ", headers=" + headerMatches + "]";
    }

    /** One {@code Header: value} condition; the header name without regard to case, the value exactly. */
    record HeaderMatch(String header, String value) {

        boolean matches(AmiEvent event) {
            for (String actual : event.getAll(header)) {
                if (actual.equals(value)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Parses {@code Queue: support; Context: demo} (semicolon separated, all must hold). Adds a
         * message to {@code errors} for each malformed part.
         */
        static List<HeaderMatch> parseAll(String text, List<String> errors) {
            List<HeaderMatch> result = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return result;
            }
            for (String part : text.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String header = colon < 0 ? "" : part.substring(0, colon).trim();
                if (header.isEmpty()) {
                    errors.add("headerMatch: '" + part.trim() + "' is not 'Header: value' (for example 'Queue: support')");
                    continue;
                }
                result.add(new HeaderMatch(header, part.substring(colon + 1).trim()));
            }
            return result;
        }

        @Override
        public String toString() {
            return header + ": " + value;
        }
    }
}
