package io.amira.config;

import io.amira.api.AmiAuthenticationException;
import io.amira.client.AmiClientConfig;
import io.amira.log.CapturedLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate that keeps refused credentials away from Asterisk, on a clock the test moves. */
class LoginGateTest {

    private static final String SECRET = "wr0ng-secret";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LoginGate gate = new LoginGate(nanos::get);
    private final AmiClientConfig wrong = config(SECRET);

    private static AmiClientConfig config(String secret) {
        return AmiClientConfig.builder().host("pbx").port(5038).username("amira").secret(secret)
                .authRetryDelay(Duration.ofMinutes(2)).authRetryMaxDelay(Duration.ofMinutes(10)).build();
    }

    private static AmiAuthenticationException refusal() {
        return new AmiAuthenticationException("Login to pbx:5038 as user 'amira' (MD5) refused: Authentication failed");
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void credentialsNeverRefusedPassFreely() {
        assertEquals(0, gate.enter(wrong));
        gate.accepted(wrong, "test");
        assertEquals(0, gate.enter(wrong));
    }

    @Test
    void refusedCredentialsWaitLongerAfterEachRefusalUpToTheMaximum() {
        assertEquals(0, gate.enter(wrong));
        assertEquals(TimeUnit.MINUTES.toMillis(2), gate.refused(wrong, refusal(), "activation A"));
        assertEquals(TimeUnit.MINUTES.toMillis(2), gate.enter(wrong));

        advance(Duration.ofMinutes(2));
        assertEquals(0, gate.enter(wrong));
        assertEquals(TimeUnit.MINUTES.toMillis(4), gate.refused(wrong, refusal(), "activation A"));
        advance(Duration.ofMinutes(4));
        assertEquals(0, gate.enter(wrong));
        assertEquals(TimeUnit.MINUTES.toMillis(8), gate.refused(wrong, refusal(), "activation A"));
        advance(Duration.ofMinutes(8));
        assertEquals(0, gate.enter(wrong));
        assertEquals(TimeUnit.MINUTES.toMillis(10), gate.refused(wrong, refusal(), "activation A"), "capped");
    }

    @Test
    void whenTheWaitIsOverOneCallerTriesWhileTheOthersKeepWaiting() {
        gate.enter(wrong);
        gate.refused(wrong, refusal(), "activation A");
        advance(Duration.ofMinutes(2));

        assertEquals(0, gate.enter(wrong), "the first caller tries");
        assertEquals(LoginGate.PROBE_POLL_MILLIS, gate.enter(wrong), "a second caller waits for the first one's outcome");
        gate.failed(wrong);
        assertEquals(0, gate.enter(wrong), "a network failure tells nothing about the credentials: the next may try");
        gate.accepted(wrong, "pooled connection");
        assertEquals(0, gate.enter(wrong));
        assertEquals(0, gate.enter(wrong), "accepted again: no more waiting");
    }

    @Test
    void aRefusalOfALoginThatStartedBeforeTheGateClosedDoesNotLengthenTheWait() {
        gate.enter(wrong);
        gate.enter(wrong);
        gate.refused(wrong, refusal(), "activation A");
        advance(Duration.ofSeconds(1));

        long left = gate.refused(wrong, refusal(), "activation B");

        assertEquals(TimeUnit.MINUTES.toMillis(2) - 1000, left);
        advance(Duration.ofMillis(left));
        assertEquals(0, gate.enter(wrong));
    }

    @Test
    void otherCredentialsAreTriedAtOnce() {
        gate.enter(wrong);
        gate.refused(wrong, refusal(), "activation A");

        assertEquals(0, gate.enter(config("the-corrected-secret")));
    }

    @Test
    void theFirstRefusalIsLoggedOnceAsAnErrorNamingServerAndUserNeverTheSecret() {
        try (CapturedLog log = CapturedLog.of("io.amira.config")) {
            gate.enter(wrong);
            gate.refused(wrong, refusal(), "activation io.amira.sample.CallEventListenerBean");
            advance(Duration.ofMinutes(2));
            gate.enter(wrong);
            gate.refused(wrong, refusal(), "activation io.amira.sample.CallEventListenerBean");
            advance(Duration.ofMinutes(4));
            gate.enter(wrong);
            gate.accepted(wrong, "activation io.amira.sample.CallEventListenerBean");

            assertEquals(1, log.withId(ConfigLog.LOGIN_REFUSED.id()).size(), log.messages().toString());
            assertEquals(Level.SEVERE, log.withId(ConfigLog.LOGIN_REFUSED.id()).get(0).getLevel());
            String error = log.withId(ConfigLog.LOGIN_REFUSED.id()).get(0).getMessage();
            assertTrue(error.contains("pbx:5038") && error.contains("'amira'")
                    && error.contains("activation io.amira.sample.CallEventListenerBean") && error.contains("120 s"), error);
            assertEquals(Level.INFO, log.withId(ConfigLog.LOGIN_STILL_REFUSED.id()).get(0).getLevel());
            assertEquals(1, log.withId(ConfigLog.LOGIN_ACCEPTED_AGAIN.id()).size());
            assertTrue(log.messages().stream().noneMatch(m -> m.contains(SECRET)));
        }
    }

    @Test
    void whoMayNotTryNowHearsTheRefusalAndWhenTheNextAttemptIs() {
        gate.enter(wrong);
        gate.refused(wrong, refusal(), "activation A");
        long waitMillis = gate.enter(wrong);

        AmiAuthenticationException held = gate.closed(wrong, waitMillis);

        assertTrue(held.getMessage().contains("Login to pbx:5038 as user 'amira' (MD5) refused"), held.getMessage());
        assertTrue(held.getMessage().contains("again in 120 s"), held.getMessage());
        assertFalse(held.getMessage().contains(SECRET));
    }
}
