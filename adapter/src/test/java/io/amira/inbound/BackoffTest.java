package io.amira.inbound;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void delaysDoubleWithJitterUpToTheMaximum() {
        long first = backoff.delayMillis(1);
        assertTrue(first >= 0 && first <= 500, "first: " + first);
        long second = backoff.delayMillis(2);
        assertTrue(second >= 500 && second <= 1000, "second: " + second);
        long fourth = backoff.delayMillis(4);
        assertTrue(fourth >= 2000 && fourth <= 4000, "fourth: " + fourth);
        long late = backoff.delayMillis(40);
        assertTrue(late >= 15_000 && late <= 30_000, "late: " + late);
    }

    @Test
    void firstAttemptsAfterALossAreSpreadSoAPoolDoesNotHitAuthlimit() {
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            distinct.add(backoff.delayMillis(1));
        }
        assertTrue(distinct.size() > 10, "delays not spread: " + distinct);
    }
}
