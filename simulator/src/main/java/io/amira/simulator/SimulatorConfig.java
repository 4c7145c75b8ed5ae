package io.amira.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable simulator settings. Defaults mirror the Asterisk 22 server of the shared transcripts. */
public final class SimulatorConfig {
    final int port;
    final String bindAddress;
    final CommandStyle commandStyle;
    final Map<String, UserAccount> users;
    final boolean tls;
    final Duration failedLoginDelay;
    final Duration slowReaderTimeout;
    final int authLimit;
    final Duration authTimeout;
    final Dialplan dialplan;
    final List<String[]> queues;
    final String systemName;
    final double waitScale;
    final int upChannels;

    private SimulatorConfig(Builder b) {
        this.port = b.port;
        this.bindAddress = b.bindAddress;
        this.commandStyle = b.commandStyle;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        this.tls = b.tls;
        this.failedLoginDelay = b.failedLoginDelay;
        this.slowReaderTimeout = b.slowReaderTimeout;
        this.authLimit = b.authLimit;
        this.authTimeout = b.authTimeout;
        this.dialplan = b.dialplan.copy();
        this.queues = List.copyOf(b.queues);
        this.systemName = b.systemName;
        this.waitScale = b.waitScale;
        this.upChannels = b.upChannels;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    public CommandStyle commandStyle() {
        return commandStyle;
    }

    @Override
    public String toString() {
        return "SimulatorConfig[bind=" + bindAddress + ":" + port + ", tls=" + tls + ", command=" + commandStyle
                + ", users=" + users.keySet() + "]";
    }

    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        private CommandStyle commandStyle = CommandStyle.MODERN;
        private final Map<String, UserAccount> users = new LinkedHashMap<>();
        private boolean tls;
        private Duration failedLoginDelay = Duration.ofSeconds(1);
        private Duration slowReaderTimeout = Duration.ofMillis(100);
        private int authLimit = 50;
        private Duration authTimeout = Duration.ofSeconds(30);
        private final Dialplan dialplan = Dialplan.defaults();
        private final List<String[]> queues = new ArrayList<>();
        private boolean defaultQueues = true;
        private String systemName = "";
        private double waitScale = 1.0;
        private int upChannels;

        private Builder() {
            user("admin", "amp111", "all", "all");
            user("readonly", "ro123", "all", "");
            user("limited", "lim123", "call", "call");
        }

        /** 0 (the default) binds an ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Address to bind; 127.0.0.1 unless told otherwise. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder commandStyle(CommandStyle style) {
            this.commandStyle = Objects.requireNonNull(style);
            return this;
        }

        /** Adds or replaces a user; classes as in manager.conf ("all", "call,user", "" for none). */
        public Builder user(String name, String secret, String readClasses, String writeClasses) {
            users.put(name, new UserAccount(name, secret, readClasses == null ? "" : readClasses,
                    writeClasses == null ? "" : writeClasses));
            return this;
        }

        /** Removes every user, the default ones included. */
        public Builder clearUsers() {
            users.clear();
            return this;
        }

        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** How long a failed Login waits before its error and the close (Asterisk: about 1 s). */
        public Builder failedLoginDelay(Duration delay) {
            this.failedLoginDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** Disconnect a session whose writes block longer than this (Asterisk: 100 ms); ZERO = off. */
        public Builder slowReaderTimeout(Duration timeout) {
            this.slowReaderTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Maximum concurrent unauthenticated sessions (Asterisk's authlimit, default 50). */
        public Builder authLimit(int limit) {
            this.authLimit = limit;
            return this;
        }

        /** Close a session that has not logged in after this long (Asterisk's authtimeout, default 30 s). */
        public Builder authTimeout(Duration timeout) {
            this.authTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Adds or replaces a dialplan extension, e.g. extension("demo", "700", "Answer()", "Wait(5)", "Hangup()"). */
        public Builder extension(String context, String exten, String... applications) {
            dialplan.put(context, exten, applications);
            return this;
        }

        /**
         * Replaces the context by {@code extensions} generated phone extensions of four priorities
         * each ({@code NoOp}, {@code Dial}, {@code VoiceMail}, {@code Hangup}; numbers of one width
         * starting with 2), made on demand: {@code Command: dialplan show CONTEXT} then answers
         * {@code 4 * extensions + 3} lines, e.g. generatedContext("big", 50_000) gives 200,003.
         */
        public Builder generatedContext(String context, int extensions) {
            dialplan.generate(Objects.requireNonNull(context), extensions);
            return this;
        }

        /**
         * Starts with {@code count} channels up in Echo() (PJSIP/phone000001-..., having called
         * 400@demo), e.g. for a CoreShowChannels of 200,000 items; at runtime see
         * {@link AmiSimulator#addUpChannels(int)}.
         */
        public Builder upChannels(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("upChannels must be >= 0: " + count);
            }
            this.upChannels = count;
            return this;
        }

        /** Adds a queue; members as "Name=Interface", e.g. "Agent901=Local/901@demo". Replaces the default queues. */
        public Builder queue(String name, String strategy, String... members) {
            if (defaultQueues) {
                queues.clear();
                defaultQueues = false;
            }
            String[] q = new String[members.length + 2];
            q[0] = name;
            q[1] = strategy;
            System.arraycopy(members, 0, q, 2, members.length);
            queues.add(q);
            return this;
        }

        /**
         * Multiplies how long Wait() and Playback() last (2.0 = twice as long), e.g. to keep a call
         * alive on a slow machine; the events still show the dialplan's own values.
         */
        public Builder waitScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("waitScale must be > 0: " + scale);
            }
            this.waitScale = scale;
            return this;
        }

        public Builder systemName(String name) {
            this.systemName = Objects.requireNonNull(name);
            return this;
        }

        public SimulatorConfig build() {
            if (defaultQueues && queues.isEmpty()) {
                queues.add(new String[] {"support", "ringall", "Agent901=Local/901@demo", "Agent900=Local/900@demo"});
                queues.add(new String[] {"sales", "leastrecent", "Agent901=Local/901@demo"});
                queues.add(new String[] {"hold", "ringall", "Agent950=Local/950@demo"});
            }
            return new SimulatorConfig(this);
        }
    }
}
