package io.amira.simulator;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A dialplan context of {@code count} phone extensions made up on demand, for the huge
 * {@code dialplan show} answers of a production PBX (it costs no memory per extension). Extension
 * numbers all have the same width and start with 2 ({@code 2000..2999} up to 1,000 extensions,
 * {@code 20000..} up to 10,000 and so on), each with four priorities:
 * {@code NoOp(Phone N)}, {@code Dial(PJSIP/N,30,tT)}, {@code VoiceMail(N@default,u)}, {@code Hangup()}.
 */
final class GeneratedContext {
    static final int PRIORITIES = 4;
    static final int MAX_EXTENSIONS = 10_000_000;

    final int count;
    private final int first;
    private final int firstLine;

    GeneratedContext(int count, int firstLine) {
        if (count < 1 || count > MAX_EXTENSIONS) {
            throw new IllegalArgumentException("a generated context has 1.." + MAX_EXTENSIONS + " extensions: " + count);
        }
        this.count = count;
        int width = Math.max(4, Integer.toString(count).length() + 1);
        int first = 2;
        for (int i = 1; i < width; i++) {
            first *= 10;
        }
        this.first = first;
        this.firstLine = firstLine;
    }

    /** Lines of extensions.conf it stands for (one comment line, then the priorities), for the next context's lines. */
    int lines() {
        return count * (PRIORITIES + 1);
    }

    boolean exists(String exten) {
        return index(exten) >= 0;
    }

    List<Dialplan.Step> steps(String exten) {
        int i = index(exten);
        return i < 0 ? null : steps(i);
    }

    private int index(String exten) {
        if (exten.isEmpty() || exten.length() > 10) {
            return -1;
        }
        for (int i = 0; i < exten.length(); i++) {
            if (exten.charAt(i) < '0' || exten.charAt(i) > '9') {
                return -1;
            }
        }
        long i = Long.parseLong(exten) - first;
        return i >= 0 && i < count && Long.toString(first + i).equals(exten) ? (int) i : -1;
    }

    private List<Dialplan.Step> steps(int i) {
        String n = Integer.toString(first + i);
        int line = firstLine + i * (PRIORITIES + 1) + 1;
        return List.of(new Dialplan.Step("NoOp", "Phone " + n, line),
                new Dialplan.Step("Dial", "PJSIP/" + n + ",30,tT", line + 1),
                new Dialplan.Step("VoiceMail", n + "@default,u", line + 2),
                new Dialplan.Step("Hangup", "", line + 3));
    }

    /** The extensions in order, made as they are read. */
    Iterable<Map.Entry<String, List<Dialplan.Step>>> extensions() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Map.Entry<String, List<Dialplan.Step>> next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new AbstractMap.SimpleImmutableEntry<>(Integer.toString(first + i), steps(i));
            }
        };
    }
}
