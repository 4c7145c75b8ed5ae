package io.amira.bench.session;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JVM's own heap histogram ({@code jcmd <pid> GC.class_histogram}, taken in-process through the
 * DiagnosticCommand MBean): it runs a full GC first, so it counts live objects only.
 */
final class HeapHistogram {

    /** Live bytes per class name, and the total. */
    final Map<String, long[]> byClass = new HashMap<>();
    long totalBytes;

    private HeapHistogram() {
    }

    static HeapHistogram take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        HeapHistogram histogram = new HeapHistogram();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[0].equals("Total")) {
                histogram.totalBytes = Long.parseLong(fields[2]);
            } else if (fields.length >= 4 && fields[0].endsWith(":")) {
                histogram.byClass.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return histogram;
    }

    /** The classes that grew most from {@code before} to this one, as markdown rows per {@code sessions}. */
    List<String> largestGrowth(HeapHistogram before, int sessions, int rows) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : byClass.entrySet()) {
            long[] old = before.byClass.getOrDefault(entry.getKey(), new long[2]);
            grown.add(Map.entry(entry.getKey(), new long[] {entry.getValue()[0] - old[0], entry.getValue()[1] - old[1]}));
        }
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : grown.subList(0, Math.min(rows, grown.size()))) {
            lines.add(String.format(Locale.ROOT, "| %s | %,.1f | %,.0f |", entry.getKey(),
                    entry.getValue()[0] / (double) sessions, entry.getValue()[1] / (double) sessions));
        }
        return lines;
    }
}
