package io.amira.it.cluster;

import io.amira.it.cluster.mdb.EventLine;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares, call by call, what two nodes' recorder MDBs delivered with what a plain AMI client saw
 * on the wire. An event is one {@link EventLine}; a call is its Linkedid.
 *
 * <ul>
 *   <li>duplicates: deliveries of an event beyond its occurrences on the wire (on one node or both);</li>
 *   <li>missing: occurrences on the wire nobody delivered;</li>
 *   <li>out of order: calls whose deliveries on a node are not a contiguous run of the wire's sequence
 *       in the wire's order: on the node that delivered the whole call, exactly the wire's sequence;
 *       across a takeover, a prefix on the node that died and a suffix on the one that took over.</li>
 * </ul>
 */
final class DeliveryAudit {

    private final int calls;
    private final int onFirstOnly;
    private final int onSecondOnly;
    private final int onBoth;
    private final int onNeither;
    private final int duplicates;
    private final int missing;
    private final int outOfOrder;

    private DeliveryAudit(Collection<String> linkedIds, Map<String, List<String>> wire,
                          Map<String, List<String>> first, Map<String, List<String>> second) {
        int firstOnly = 0, secondOnly = 0, both = 0, neither = 0, duplicated = 0, lost = 0, disordered = 0;
        for (String linkedId : linkedIds) {
            List<String> sent = wire.getOrDefault(linkedId, List.of());
            List<String> a = first.getOrDefault(linkedId, List.of());
            List<String> b = second.getOrDefault(linkedId, List.of());
            if (a.isEmpty() && b.isEmpty()) {
                neither++;
            } else if (a.isEmpty()) {
                secondOnly++;
            } else if (b.isEmpty()) {
                firstOnly++;
            } else {
                both++;
            }
            Map<String, Long> expected = counts(sent);
            Map<String, Long> delivered = counts(a);
            counts(b).forEach((line, count) -> delivered.merge(line, count, Long::sum));
            for (String line : union(expected, delivered)) {
                long difference = delivered.getOrDefault(line, 0L) - expected.getOrDefault(line, 0L);
                if (difference > 0) {
                    duplicated += (int) difference;
                } else {
                    lost += (int) -difference;
                }
            }
            boolean ordered = a.equals(sent.subList(0, Math.min(a.size(), sent.size())))
                    && b.equals(sent.subList(Math.max(0, sent.size() - b.size()), sent.size()));
            if (!ordered) {
                disordered++;
            }
        }
        this.calls = linkedIds.size();
        this.onFirstOnly = firstOnly;
        this.onSecondOnly = secondOnly;
        this.onBoth = both;
        this.onNeither = neither;
        this.duplicates = duplicated;
        this.missing = lost;
        this.outOfOrder = disordered;
    }

    /**
     * @param wireLines   every {@link EventLine} a plain client received, in order
     * @param firstRecord the first node's record file ({@code millis|line} per delivery)
     */
    static DeliveryAudit of(Collection<String> linkedIds, List<String> wireLines, List<String> firstRecord,
                            List<String> secondRecord) {
        return new DeliveryAudit(linkedIds, byCall(wireLines), byCall(withoutTime(firstRecord)), byCall(withoutTime(secondRecord)));
    }

    /** Every call delivered whole, once, in order, by exactly one of the nodes. */
    boolean exactlyOnce() {
        return onBoth == 0 && onNeither == 0 && duplicates == 0 && missing == 0 && outOfOrder == 0;
    }

    int onFirstOnly() { return onFirstOnly; }
    int onSecondOnly() { return onSecondOnly; }
    int onBoth() { return onBoth; }
    int onNeither() { return onNeither; }
    int duplicates() { return duplicates; }
    int missing() { return missing; }
    int outOfOrder() { return outOfOrder; }

    @Override
    public String toString() {
        return calls + " calls: " + onFirstOnly + " on the first node only, " + onSecondOnly + " on the second only, "
                + onBoth + " on both, " + onNeither + " on neither; " + duplicates + " duplicate deliveries, "
                + missing + " events missing, " + outOfOrder + " calls out of order";
    }

    /** The record lines without their delivery time. */
    static List<String> withoutTime(List<String> record) {
        return record.stream().map(line -> line.substring(line.indexOf('|') + 1)).toList();
    }

    /** {@link EventLine}s grouped by Linkedid, each group in the order given. */
    static Map<String, List<String>> byCall(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(EventLine::linkedId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Map<String, Long> counts(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    private static Collection<String> union(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> all = new HashMap<>(a);
        all.putAll(b);
        return all.keySet();
    }
}
