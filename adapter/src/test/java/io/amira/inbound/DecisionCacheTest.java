package io.amira.inbound;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionCacheTest {

    @Test
    void asksThePredicateOncePerValue() {
        AtomicInteger asked = new AtomicInteger();
        DecisionCache cache = new DecisionCache(value -> {
            asked.incrementAndGet();
            return value.startsWith("Dial");
        });

        for (int i = 0; i < 3; i++) {
            assertTrue(cache.test("DialBegin"));
            assertFalse(cache.test("Newstate"));
        }

        assertEquals(2, asked.get());
    }

    @Test
    void keepsAtMostItsLimitAndStillAnswersBeyondIt() {
        AtomicInteger asked = new AtomicInteger();
        DecisionCache cache = new DecisionCache(value -> {
            asked.incrementAndGet();
            return value.endsWith("7");
        });
        int values = DecisionCache.MAX_ENTRIES + 100;

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < values; i++) {
                assertEquals(Integer.toString(i).endsWith("7"), cache.test(Integer.toString(i)));
            }
        }

        // the first MAX_ENTRIES values are remembered; the other 100 are asked again in round two
        assertEquals(values + 100, asked.get());
    }
}
