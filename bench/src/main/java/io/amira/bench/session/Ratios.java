package io.amira.bench.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Ratios of figures measured side by side in one run (same round, same load), and their median. */
final class Ratios {

    private Ratios() {
    }

    static List<Double> of(List<Double> measured, List<Double> reference) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(measured.size(), reference.size()); i++) {
            ratios.add(measured.get(i) / reference.get(i));
        }
        return ratios;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String percentages(List<Double> measured, List<Double> reference) {
        return of(measured, reference).stream().map(r -> String.format(Locale.ROOT, "%.1f %%", 100 * r))
                .collect(Collectors.joining(" · "));
    }

    static String times(List<Double> measured, List<Double> reference) {
        return of(measured, reference).stream().map(r -> String.format(Locale.ROOT, "%.1f ×", r))
                .collect(Collectors.joining(" · "));
    }
}
