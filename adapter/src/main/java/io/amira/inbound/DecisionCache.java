package io.amira.inbound;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers a predicate's answers by the exact string, for values that repeat from event to event
 * (event names, Privilege values): the decoder hands out the same String instances for them, so a
 * lookup costs a cached hash and an identity compare instead of lower-casing and splitting per
 * event. At most {@value #MAX_ENTRIES} answers are kept, so odd values cannot make it grow without
 * bound; beyond that the predicate simply runs. Safe for concurrent use.
 */
final class DecisionCache {

    static final int MAX_ENTRIES = 256;

    private final Predicate<String> predicate;
    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

    DecisionCache(Predicate<String> predicate) {
        this.predicate = predicate;
    }

    boolean test(String value) {
        Boolean known = answers.get(value);
        if (known != null) {
            return known;
        }
        boolean answer = predicate.test(value);
        if (answers.size() < MAX_ENTRIES) {
            answers.put(value, answer);
        }
        return answer;
    }
}
