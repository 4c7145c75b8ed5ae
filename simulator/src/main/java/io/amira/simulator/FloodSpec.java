package io.amira.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to flood: one event, pre-encoded once, sent {@code count} times to every session allowed to
 * read it, at {@code ratePerSecond} per session or flat out (rate 0).
 */
public final class FloodSpec {
    final String eventName;
    final String eventClass;
    final Map<String, String> headers;
    final long count;
    final long ratePerSecond;
    final int calls;
    private static final int CYCLE_EVENTS = 65_536;

    private FloodSpec(Builder b) {
        this.eventName = b.eventName;
        this.eventClass = b.eventClass;
        this.headers = new LinkedHashMap<>(b.headers);
        this.count = b.count;
        this.ratePerSecond = b.ratePerSecond;
        this.calls = b.calls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code count} small UserEvents per session, flat out. */
    public static FloodSpec flatOut(long count) {
        return builder().count(count).build();
    }

    /** {@code count} small UserEvents per session at {@code ratePerSecond}. */
    public static FloodSpec atRate(long ratePerSecond, long count) {
        return builder().ratePerSecond(ratePerSecond).count(count).build();
    }

    public long count() {
        return count;
    }

    public long ratePerSecond() {
        return ratePerSecond;
    }

    /**
     * With {@link #calls()}: after this many events of one call its {@code Seq} starts again at 0
     * (the pre-encoded cycle holds about 65,536 events); 0 when the events are not spread over calls.
     */
    public int seqPeriod() {
        return calls == 0 ? 0 : Math.max(2, CYCLE_EVENTS / calls);
    }

    /** Calls the events are spread over; 0: one identical event. */
    public int calls() {
        return calls;
    }

    @Override
    public String toString() {
        return "FloodSpec[event=" + eventName + ", class=" + eventClass + ", count=" + (count == 0 ? "until stop" : count)
                + ", rate=" + (ratePerSecond == 0 ? "flat out" : ratePerSecond + "/s") + (calls > 0 ? ", calls=" + calls : "") + "]";
    }

    public static final class Builder {
        private String eventName = "UserEvent";
        private String eventClass = "user";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long count = 1_000_000;
        private long ratePerSecond;
        private int calls;
        private boolean defaultHeaders = true;

        private Builder() {
            headers.put("UserEvent", "Flood");
            headers.put("Foo", "bar");
        }

        /** The event name and its class (the Privilege header and who may read it), e.g. ("Newstate", "call"). */
        public Builder event(String name, String eventClass) {
            this.eventName = Objects.requireNonNull(name);
            this.eventClass = Objects.requireNonNull(eventClass);
            if (defaultHeaders) {
                headers.clear();
                defaultHeaders = false;
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (defaultHeaders) {
                headers.clear();
                defaultHeaders = false;
            }
            headers.put(name, value);
            return this;
        }

        /** Events per session; 0 = until Flood.stop(). */
        public Builder count(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0: " + count);
            }
            this.count = count;
            return this;
        }

        /** Events per second per session; 0 = flat out. */
        public Builder ratePerSecond(long rate) {
            if (rate < 0) {
                throw new IllegalArgumentException("rate must be >= 0: " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        /**
         * Spreads the events over {@code calls} calls (1..999,999), in turn: event i carries
         * {@code Linkedid: flood-NNNNNN} (call i mod calls, six digits) and {@code Seq: NNNNNN}, that
         * call's event number from 0, which starts again at 0 after {@link #seqPeriod()} events
         * of the call. For receivers checking per-call order under load; 0 (the default): every
         * event is the same.
         */
        public Builder calls(int calls) {
            if (calls < 0 || calls > 999_999) {
                throw new IllegalArgumentException("calls must be 0..999999: " + calls);
            }
            this.calls = calls;
            return this;
        }

        public FloodSpec build() {
            return new FloodSpec(this);
        }
    }
}
