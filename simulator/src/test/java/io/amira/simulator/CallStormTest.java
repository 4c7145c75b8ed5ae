package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The storm of issue 19: 2,000 async Originates of Local/100@demo sent in one write, all answered,
 * every call's whole event sequence delivered in order on a raw socket, calls progressing side by
 * side. Each call's sequence must be one a real Asterisk 22.10.1 produced in the same storm
 * (recordings/storm-2000.sequences).
 */
class CallStormTest {
    private static final int CALLS = 2000;
    /** transcript 06's order: what the simulator emits for every call of the storm. */
    private static final List<String> SEQUENCE = List.of("Newchannel;1", "Newchannel;2", "Newexten;1", "LocalBridge",
            "Newexten;2", "Newstate;2", "DialBegin;1", "Newstate;1", "OriginateResponse;1", "DialEnd;1", "Newexten;2",
            "Newexten;2", "UserEvent;2", "Newexten;2", "SoftHangupRequest;2", "Newexten;2", "HangupRequest;1",
            "Hangup;2", "Cdr;2", "Cdr;1", "Hangup;1");

    @Test
    void twoThousandCallsAtOnceArriveWholeAndInOrder() throws Exception {
        StormMeter.Storm storm;
        // The test's reader shares two cores with the simulator: a generous write timeout keeps it
        // connected, and calls three times as long keep them overlapping however slow the machine.
        try (AmiSimulator sim = AmiSimulator.start(SimulatorConfig.builder().slowReaderTimeout(Duration.ofSeconds(10))
                .waitScale(3).build())) {
            storm = StormMeter.run(sim.host(), sim.port(), "admin", "amp111", CALLS, Duration.ofSeconds(120));
            assertEquals(0, sim.channelCount());
        }
        assertEquals(CALLS, storm.acks);
        assertEquals(CALLS, storm.originateSuccesses);
        assertEquals(IntStream.rangeClosed(1, CALLS).mapToObj(i -> "o-" + i).collect(Collectors.toSet()),
                new HashSet<>(storm.originateActionIds));
        assertEquals(CALLS, storm.sequences.size());
        Set<String> recorded = recordedSequences();
        for (List<String> events : storm.sequences.values()) {
            assertEquals(SEQUENCE, events);
        }
        List<String> withoutCdr = new ArrayList<>(SEQUENCE);
        withoutCdr.removeIf(e -> e.startsWith("Cdr;"));
        assertTrue(recorded.contains(String.join(" ", withoutCdr).replace("LocalBridge", "LocalBridge")),
                "the simulator's call is one Asterisk made in its storm");
        assertEquals(4 * CALLS, storm.deviceStateChanges);
        assertEquals("NOT_INUSE", storm.lastDeviceState);
        assertTrue(storm.maxConcurrentCalls() > CALLS / 2, "calls progress side by side: " + storm.maxConcurrentCalls());
        assertTrue(storm.meanRun() < 6, "the calls' events interleave: mean run " + storm.meanRun());
    }

    @Test
    void theSimulatorCanPlaceTheStormItself() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(SimulatorConfig.builder().slowReaderTimeout(Duration.ofSeconds(10))
                .waitScale(3).build())) {
            StormMeter.Storm storm = StormMeter.run(sim.host(), sim.port(), "admin", "amp111", CALLS,
                    Duration.ofSeconds(120), out -> sim.placeCalls(CALLS, "Local/100@demo", "Wait", "2"));
            assertEquals(CALLS, storm.originateSuccesses);
            assertEquals(CALLS, storm.sequences.size());
            for (List<String> events : storm.sequences.values()) {
                assertEquals(SEQUENCE, events);
            }
            assertTrue(storm.maxConcurrentCalls() > CALLS / 2, "calls progress side by side: " + storm.maxConcurrentCalls());
            assertEquals(0, sim.channelCount());
        }
    }

    private static Set<String> recordedSequences() throws Exception {
        Set<String> sequences = new HashSet<>();
        for (String line : new String(RecordedShapesTest.resource("storm-2000.sequences"), StandardCharsets.UTF_8)
                .split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                sequences.add(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        return sequences;
    }
}
