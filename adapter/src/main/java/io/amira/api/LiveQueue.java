package io.amira.api;

import java.util.List;

/**
 * One queue as the live view tracks it: its members and the callers waiting in it.
 *
 * @param name     the queue's name
 * @param strategy its strategy ({@code ringall}, {@code leastrecent}...), or {@code null} when the view
 *                 learnt of the queue from an event before listing it
 * @param members  its members, in the order Asterisk lists them (members added later at the end)
 * @param callers  the callers waiting, by position (the first is served next)
 */
public record LiveQueue(String name, String strategy, List<LiveQueueMember> members, List<LiveQueueCaller> callers) {

    /** An immutable queue; the lists are copied. */
    public LiveQueue {
        members = List.copyOf(members);
        callers = List.copyOf(callers);
    }

    /** How many callers are waiting. */
    public int waiting() {
        return callers.size();
    }
}
