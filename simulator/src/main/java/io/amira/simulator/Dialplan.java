package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Contexts of extensions of applications, like extensions.conf, plus generated contexts of any
 * size. Not changed once the simulator runs, so the writer threads may read it.
 */
final class Dialplan {
    /** One priority: application and its data, plus the extensions.conf line shown by "dialplan show". */
    static final class Step {
        final String app;
        final String data;
        final int line;

        Step(String app, String data, int line) {
            this.app = app;
            this.data = data;
            this.line = line;
        }

        static Step parse(String text, int line) {
            int open = text.indexOf('(');
            if (open < 0 || !text.endsWith(")")) {
                return new Step(text.trim(), "", line);
            }
            return new Step(text.substring(0, open).trim(), text.substring(open + 1, text.length() - 1), line);
        }

        @Override
        public String toString() {
            return app + "(" + data + ")";
        }
    }

    private final Map<String, Map<String, List<Step>>> contexts = new TreeMap<>();
    private final Map<String, GeneratedContext> generated = new TreeMap<>();
    private int nextLine = 100;

    static Dialplan defaults() {
        Dialplan d = new Dialplan();
        d.put("demo", "100", 17, "Answer()", "Wait(1)", "UserEvent(Demo,Foo: bar)", "Hangup()");
        d.put("demo", "200", 22, "Answer()", "Wait(30)", "Hangup()");
        d.put("demo", "300", 26, "Answer()", "Queue(support,,,,60)", "Hangup()");
        d.put("demo", "310", 30, "Answer()", "Queue(hold,,,,60)", "Hangup()");
        d.put("demo", "400", 34, "Answer()", "Echo()", "Hangup()");
        d.put("demo", "500", 38, "Answer()", "Verbose(1,demo 500 reached)", "Set(DEMOVAR=hello)",
                "Playback(demo-congrats)", "Wait(2)", "Hangup()");
        d.put("demo", "900", 45, "Answer()", "Wait(20)", "Hangup()");
        d.put("demo", "901", 48, "Answer()", "Wait(20)", "Hangup()");
        d.put("demo", "950", 52, "Ringing()", "Wait(60)", "Hangup()");
        d.put("demo", "s", 55, "Answer()", "Wait(1)", "Hangup()");
        d.put("demo", "h", 58, "NoOp(hangup in demo)");
        // Not in the recorded server: outcomes an originate test needs (Reason 5, 8, 1).
        d.put("sim", "busy", 70, "Busy()");
        d.put("sim", "congested", 72, "Congestion()");
        d.put("sim", "noanswer", 74, "Ringing()", "Wait(60)", "Hangup()");
        return d;
    }

    void put(String context, String exten, String... apps) {
        put(context, exten, nextLine, apps);
    }

    private void put(String context, String exten, int firstLine, String... apps) {
        generated.remove(context);
        List<Step> steps = new ArrayList<>(apps.length);
        for (int i = 0; i < apps.length; i++) {
            steps.add(Step.parse(apps[i], firstLine + i));
        }
        contexts.computeIfAbsent(context, c -> new TreeMap<>()).put(exten, steps);
        nextLine = Math.max(nextLine, firstLine + apps.length + 1);
    }

    /** Replaces the context by one of {@code extensions} generated phone extensions (see GeneratedContext). */
    void generate(String context, int extensions) {
        contexts.remove(context);
        GeneratedContext g = new GeneratedContext(extensions, nextLine);
        generated.put(context, g);
        nextLine += g.lines() + 1;
    }

    boolean exists(String context, String exten) {
        return steps(context, exten) != null;
    }

    /** The step at a 1-based priority, or null past the end / unknown extension. */
    Step step(String context, String exten, int priority) {
        List<Step> steps = steps(context, exten);
        if (steps == null || priority < 1 || priority > steps.size()) {
            return null;
        }
        return steps.get(priority - 1);
    }

    private List<Step> steps(String context, String exten) {
        GeneratedContext g = generated.get(context);
        if (g != null) {
            return g.steps(exten);
        }
        Map<String, List<Step>> c = contexts.get(context);
        return c == null ? null : c.get(exten);
    }

    /** A context's extensions in the order "dialplan show" lists them, or null when there is no such context. */
    Iterable<Map.Entry<String, List<Step>>> extensions(String context) {
        GeneratedContext g = generated.get(context);
        if (g != null) {
            return g.extensions();
        }
        Map<String, List<Step>> c = contexts.get(context);
        return c == null ? null : c.entrySet();
    }

    /** Extensions and priorities of a context. */
    int[] size(String context) {
        GeneratedContext g = generated.get(context);
        if (g != null) {
            return new int[] {g.count, g.count * GeneratedContext.PRIORITIES};
        }
        int priorities = 0;
        for (List<Step> steps : contexts.get(context).values()) {
            priorities += steps.size();
        }
        return new int[] {contexts.get(context).size(), priorities};
    }

    Iterable<String> contextNames() {
        TreeSet<String> names = new TreeSet<>(contexts.keySet());
        names.addAll(generated.keySet());
        return names;
    }

    Dialplan copy() {
        Dialplan d = new Dialplan();
        contexts.forEach((ctx, extens) -> extens.forEach((ex, steps) ->
                d.contexts.computeIfAbsent(ctx, c -> new TreeMap<>()).put(ex, new ArrayList<>(steps))));
        d.generated.putAll(generated);
        d.nextLine = nextLine;
        return d;
    }
}
