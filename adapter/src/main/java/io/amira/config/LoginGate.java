package io.amira.config;

import io.amira.api.AmiAuthenticationException;
import io.amira.client.AmiClientConfig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps logins Asterisk refused away from it. After a refusal, the same server, user and secret are
 * tried again only after {@code AuthRetryDelayMillis}, doubling with each further refusal up to
 * {@code AuthRetryMaxDelayMillis}, and then by one caller at a time while the others wait for its
 * outcome. However many pooled connections and activations share wrong credentials, Asterisk sees
 * one failed login per interval, so its {@code authlimit} and a fail2ban on the PBX are not tripped.
 * Other credentials (a corrected secret) are tried at once. One gate per resource adapter instance:
 * a reload or redeploy starts afresh.
 *
 * <p>A caller asks {@link #enter}; when it may try (0), it reports exactly one outcome:
 * {@link #accepted}, {@link #refused} or {@link #failed}.
 */
public final class LoginGate {

    /** How soon a caller asks again while another caller's login is in progress. */
    static final long PROBE_POLL_MILLIS = 1000;

    private final LongSupplier nanoClock;
    private final Map<Credentials, Refusal> refusals = new HashMap<>();

    public LoginGate() {
        this(System::nanoTime);
    }

    LoginGate(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * 0 when a login with {@code config} may be tried now (the caller then reports its outcome),
     * else the milliseconds to wait before asking again.
     */
    public synchronized long enter(AmiClientConfig config) {
        Refusal refusal = refusals.get(new Credentials(config));
        if (refusal == null) {
            return 0;
        }
        if (refusal.probing) {
            return PROBE_POLL_MILLIS;
        }
        long left = refusal.openAtNanos - nanoClock.getAsLong();
        if (left > 0) {
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
        }
        refusal.probing = true;
        return 0;
    }

    /** The login succeeded: the credentials are good (again). */
    public void accepted(AmiClientConfig config, String who) {
        Refusal cleared;
        synchronized (this) {
            cleared = refusals.remove(new Credentials(config));
        }
        if (cleared != null) {
            ConfigLog.LOGIN_ACCEPTED_AGAIN.log(who, config.server(), config.username(), cleared.count);
        }
    }

    /**
     * Asterisk refused the login ({@code refusal} names the server and user, never the secret).
     * The first refusal is logged as an error naming {@code who} tried; later ones at a lower level.
     * Returns the milliseconds until these credentials may be tried again.
     */
    public long refused(AmiClientConfig config, AmiAuthenticationException refusal, String who) {
        long now = nanoClock.getAsLong();
        Refusal state;
        long delayMillis;
        boolean first;
        synchronized (this) {
            Credentials credentials = new Credentials(config);
            state = refusals.get(credentials);
            if (state != null && !state.probing && state.openAtNanos - now > 0) {
                // A login that started before the gate closed: it tells nothing new.
                return TimeUnit.NANOSECONDS.toMillis(state.openAtNanos - now);
            }
            if (state == null) {
                state = new Refusal();
                refusals.put(credentials, state);
            }
            state.count++;
            state.probing = false;
            state.message = refusal.getMessage();
            state.at = Instant.now();
            delayMillis = delayMillis(config, state.count);
            state.openAtNanos = now + TimeUnit.MILLISECONDS.toNanos(delayMillis);
            first = state.count == 1;
        }
        (first ? ConfigLog.LOGIN_REFUSED : ConfigLog.LOGIN_STILL_REFUSED)
                .log(who, refusal.getMessage(), delayMillis / 1000, config.authRetryMaxDelay().toSeconds(), state.count);
        return delayMillis;
    }

    /** The login ended otherwise (unreachable server, timeout): another caller may try. */
    public synchronized void failed(AmiClientConfig config) {
        Refusal refusal = refusals.get(new Credentials(config));
        if (refusal != null) {
            refusal.probing = false;
        }
    }

    /**
     * What a caller that may not try now ({@link #enter} returned {@code waitMillis}) reports: the
     * last refusal, and when the credentials will be tried again.
     */
    public synchronized AmiAuthenticationException closed(AmiClientConfig config, long waitMillis) {
        Refusal refusal = refusals.get(new Credentials(config));
        String last = refusal == null ? "Login to " + config.server() + " as user '" + config.username() + "' refused"
                : refusal.message + " [at " + refusal.at.truncatedTo(ChronoUnit.SECONDS) + "]";
        return new AmiAuthenticationException(last + "; Amira tries these credentials again in "
                + Math.max(1, waitMillis / 1000) + " s at the earliest (AuthRetryDelayMillis, AuthRetryMaxDelayMillis),"
                + " so that Asterisk's authlimit and a fail2ban on the PBX are not tripped. After fixing them, a reload"
                + " or redeploy tries at once.");
    }

    private static long delayMillis(AmiClientConfig config, int refusals) {
        long initial = config.authRetryDelay().toMillis();
        long max = config.authRetryMaxDelay().toMillis();
        long delay = initial << Math.min(refusals - 1, 30);
        return delay <= 0 || delay > max ? max : delay;
    }

    /** Server, user and secret; never printed. */
    private static final class Credentials {
        private final String server;
        private final String username;
        private final String secret;

        Credentials(AmiClientConfig config) {
            this.server = config.server();
            this.username = config.username();
            this.secret = config.secret();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Credentials that && server.equals(that.server)
                    && Objects.equals(username, that.username) && Objects.equals(secret, that.secret);
        }

        @Override
        public int hashCode() {
            return Objects.hash(server, username);
        }
    }

    private static final class Refusal {
        int count;
        boolean probing;
        long openAtNanos;
        String message;
        Instant at;
    }
}
