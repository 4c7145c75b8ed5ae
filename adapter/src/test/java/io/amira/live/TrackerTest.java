package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.api.ChannelState;
import io.amira.api.DeviceState;
import io.amira.api.HangupCause;
import io.amira.api.LiveCall;
import io.amira.api.LiveCallEnd;
import io.amira.api.LiveChannel;
import io.amira.api.LiveQueue;
import io.amira.api.LiveQueueCaller;
import io.amira.api.LiveQueueMember;
import io.amira.api.LiveSnapshot;
import io.amira.api.LiveStateListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.amira.live.Events.agent;
import static io.amira.live.Events.bridge;
import static io.amira.live.Events.bridgeChannel;
import static io.amira.live.Events.callerJoin;
import static io.amira.live.Events.channel;
import static io.amira.live.Events.coreShowChannel;
import static io.amira.live.Events.event;
import static io.amira.live.Events.member;
import static io.amira.live.Events.queueEntry;
import static io.amira.live.Events.queueMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracked state from events, and the resynchronisation with lists that lead or lag the events. */
class TrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T14:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final List<LiveCallEnd> ended = new ArrayList<>();
    private final List<AmiEvent> lifecycle = new ArrayList<>();
    private Tracker tracker;
    private long session;

    @BeforeEach
    void inSyncWithAnIdleAsterisk() {
        Notifier notifier = new Notifier("pbx:5038", Runnable::run);
        notifier.add(new LiveStateListener() {
            @Override
            public void onLifecycle(AmiEvent event) {
                lifecycle.add(event);
            }

            @Override
            public void onCallEnded(LiveCallEnd end) {
                ended.add(end);
            }
        });
        tracker = new Tracker("pbx:5038", clock, notifier, 100);
        session = tracker.beginSession();
        assertTrue(tracker.resync(session, List.of(), List.of(), List.of()));
        assertEquals(List.of(AmiLifecycleEvents.LIVE_STATE_SYNCED), names(lifecycle));
    }

    @Test
    void aCallIsTrackedFromItsEvents() {
        apply(channel("Newchannel", "Local/100@demo-01;1", "1.1", "1.1", 0),
                channel("Newchannel", "Local/100@demo-01;2", "1.2", "1.1", 4));
        clock.advance(2);
        apply(channel("Newstate", "Local/100@demo-01;2", "1.2", "1.1", 6),
                bridge("BridgeCreate", "b1"),
                bridgeChannel("BridgeEnter", "b1", "Local/100@demo-01;1", "1.1", "1.1"),
                bridgeChannel("BridgeEnter", "b1", "Local/100@demo-01;2", "1.2", "1.1"),
                channel("NewCallerid", "Local/100@demo-01;1", "1.1", "1.1", 6, "CallerIDNum", "5551234"));

        LiveSnapshot during = tracker.snapshot();
        assertTrue(during.inSync());
        LiveCall call = during.call("1.1").orElseThrow();
        assertEquals(List.of("Local/100@demo-01;1", "Local/100@demo-01;2"), call.channels().stream().map(LiveChannel::name).toList());
        assertEquals(T0, call.start());
        assertEquals(T0.plusSeconds(2), call.answered());
        assertEquals(2, during.bridge("b1").orElseThrow().channels().size());
        assertEquals("b1", during.channel("1.2").orElseThrow().bridgeId());
        assertEquals(ChannelState.UP, during.channel("1.2").orElseThrow().state());

        clock.advance(5);
        apply(bridgeChannel("BridgeLeave", "b1", "Local/100@demo-01;1", "1.1", "1.1"),
                bridgeChannel("BridgeLeave", "b1", "Local/100@demo-01;2", "1.2", "1.1"),
                bridge("BridgeDestroy", "b1"),
                channel("Hangup", "Local/100@demo-01;2", "1.2", "1.1", 6, "Cause", "16", "Cause-txt", "Normal Clearing"));
        assertTrue(ended.isEmpty(), "the call has a channel left");
        apply(channel("Hangup", "Local/100@demo-01;1", "1.1", "1.1", 6, "Cause", "16", "Cause-txt", "Normal Clearing"));

        LiveSnapshot after = tracker.snapshot();
        assertTrue(after.channels().isEmpty() && after.calls().isEmpty() && after.bridges().isEmpty(), after.toString());
        assertEquals(1, ended.size());
        LiveCallEnd end = ended.get(0);
        assertEquals(HangupCause.NORMAL_CLEARING, end.cause());
        assertEquals("Normal Clearing", end.causeText());
        assertEquals(Duration.ofSeconds(7), end.duration());
        assertEquals(List.of("Local/100@demo-01;2", "Local/100@demo-01;1"),
                end.call().channels().stream().map(LiveChannel::name).toList());
    }

    @Test
    void aLateEventDoesNotBringBackAHungUpChannelOrADestroyedBridge() {
        apply(channel("Newchannel", "Local/300@demo-01;2", "1.2", "1.2", 6),
                channel("Hangup", "Local/300@demo-01;2", "1.2", "1.2", 6, "Cause", "16"),
                bridge("BridgeDestroy", "b1"),
                bridgeChannel("BridgeLeave", "b1", "Local/300@demo-01;2", "1.2", "1.2"),
                channel("Newstate", "Local/300@demo-01;2", "1.2", "1.2", 6));

        LiveSnapshot snapshot = tracker.snapshot();
        assertTrue(snapshot.channels().isEmpty() && snapshot.bridges().isEmpty(), snapshot.toString());
        assertEquals(1, ended.size());
    }

    @Test
    void aChannelBridgedIntoAnOlderCallMovesToItWithoutEndingItsOwn() {
        apply(channel("Newchannel", "PJSIP/a-01", "1.1", "1.1", 6),
                channel("Newchannel", "PJSIP/b-02", "2.1", "2.1", 6),
                channel("Newstate", "PJSIP/b-02", "2.1", "1.1", 6),
                event("Rename", "Channel", "PJSIP/b-02", "Newname", "PJSIP/b-02<MASQ>", "Uniqueid", "2.1"));

        LiveSnapshot snapshot = tracker.snapshot();
        assertEquals(List.of("1.1"), snapshot.calls().stream().map(LiveCall::linkedId).toList());
        assertEquals(List.of("PJSIP/a-01", "PJSIP/b-02<MASQ>"),
                snapshot.call("1.1").orElseThrow().channels().stream().map(LiveChannel::name).toList());
        assertTrue(ended.isEmpty());
    }

    @Test
    void queueCallersKeepTheirPositions() {
        clock.advance(10);
        apply(callerJoin("QueueCallerJoin", "support", "Local/300@demo-01;2", "1.2", 1),
                callerJoin("QueueCallerJoin", "support", "Local/300@demo-02;2", "2.2", 2),
                callerJoin("QueueCallerJoin", "support", "Local/300@demo-03;2", "3.2", 1));
        assertEquals(List.of("3.2", "1.2", "2.2"), waiting("support"));

        clock.advance(3);
        apply(callerJoin("QueueCallerLeave", "support", "Local/300@demo-01;2", "1.2", 2));
        LiveQueue queue = tracker.snapshot().queue("support").orElseThrow();
        assertEquals(List.of("3.2", "2.2"), waiting("support"));
        assertEquals(List.of(1, 2), queue.callers().stream().map(LiveQueueCaller::position).toList());
        assertEquals(T0.plusSeconds(10), queue.callers().get(0).joined());
        assertEquals(2, queue.waiting());
    }

    @Test
    void membersFollowTheirEvents() {
        apply(member("QueueMemberAdded", "support", "Local/902@demo", 4, false, false),
                member("QueueMemberPause", "support", "Local/902@demo", 4, true, false));
        LiveQueueMember paused = tracker.snapshot().queue("support").orElseThrow().members().get(0);
        assertTrue(paused.paused());
        assertEquals("lunch", paused.pausedReason());
        assertEquals(DeviceState.INVALID, paused.status());

        apply(member("QueueMemberStatus", "support", "Local/902@demo", 2, true, false));
        assertEquals(DeviceState.INUSE, tracker.snapshot().queue("support").orElseThrow().members().get(0).status());

        apply(member("QueueMemberRemoved", "support", "Local/902@demo", 2, true, false));
        assertEquals(List.of(), tracker.snapshot().queue("support").orElseThrow().members());
    }

    @Test
    void aMemberIsInCallFromAgentConnectUntilTheAgentCompleteOfThatCall() {
        apply(member("QueueMemberAdded", "support", "Local/900@demo", 1, false, false),
                agent("AgentConnect", "support", "Local/900@demo", "caller-1"));
        assertTrue(inCall("support", "Local/900@demo"));

        // Caller 1 was redirected out of the bridge: the agent's device is free (InCall 0) at once,
        // but AgentComplete comes only when caller 1 hangs up, after the agent took caller 2.
        apply(member("QueueMemberStatus", "support", "Local/900@demo", 1, false, false),
                agent("AgentConnect", "support", "Local/900@demo", "caller-2"),
                agent("AgentComplete", "support", "Local/900@demo", "caller-1"));
        assertTrue(inCall("support", "Local/900@demo"), "caller 1's late AgentComplete must not end caller 2's call");

        apply(agent("AgentComplete", "support", "Local/900@demo", "caller-2"));
        assertFalse(inCall("support", "Local/900@demo"));
    }

    @Test
    void eventsThatArriveWhileListingAreAppliedOnTopOfALaggingList() {
        long next = reconnect();
        clock.advance(60);
        tracker.onEvent(next, channel("Newchannel", "Local/200@demo-07;1", "7.1", "7.1", 0));
        tracker.onEvent(next, channel("Newstate", "Local/200@demo-07;1", "7.1", "7.1", 6));
        tracker.onEvent(next, callerJoin("QueueCallerJoin", "hold", "Local/310@demo-08;2", "8.2", 1));
        assertFalse(tracker.isInSync());
        assertTrue(tracker.snapshot().channels().isEmpty(), "nothing is applied before the lists are in");

        // The lists were taken before those events (a lagging cache).
        assertTrue(tracker.resync(next, List.of(), List.of(), List.of(queueMember("hold", "Local/950@demo", 6, false, false))));

        LiveSnapshot snapshot = tracker.snapshot();
        assertTrue(snapshot.inSync());
        assertEquals(ChannelState.UP, snapshot.channel("7.1").orElseThrow().state());
        assertEquals(List.of("8.2"), waiting("hold"));
        assertEquals(DeviceState.RINGING, snapshot.queue("hold").orElseThrow().members().get(0).status());
    }

    @Test
    void aLeadingListIsNotUndoneByTheEventsItAlreadyHolds() {
        long next = reconnect();
        tracker.onEvent(next, channel("Newchannel", "Local/300@demo-09;2", "9.2", "9.2", 4));
        tracker.onEvent(next, channel("Newchannel", "Local/100@demo-10;1", "10.1", "10.1", 0));
        tracker.onEvent(next, channel("Newstate", "Local/300@demo-09;2", "9.2", "9.2", 6));
        tracker.onEvent(next, bridge("BridgeCreate", "b9"));
        tracker.onEvent(next, bridgeChannel("BridgeEnter", "b9", "Local/300@demo-09;2", "9.2", "9.2"));
        tracker.onEvent(next, channel("Hangup", "Local/100@demo-10;1", "10.1", "10.1", 6, "Cause", "17", "Cause-txt", "User busy"));

        // The lists already hold all of that: 9.2 up in b9, 10.1 gone.
        tracker.resync(next, List.of(coreShowChannel("Local/300@demo-09;2", "9.2", "9.2", 6, "b9", "00:00:01")),
                List.of(bridge("BridgeListItem", "b9")), List.of());

        LiveSnapshot snapshot = tracker.snapshot();
        assertEquals(List.of("9.2"), snapshot.channels().stream().map(LiveChannel::uniqueId).toList());
        assertEquals("b9", snapshot.channel("9.2").orElseThrow().bridgeId());
        assertEquals(ChannelState.UP, snapshot.channel("9.2").orElseThrow().state());
        assertEquals(1, snapshot.bridges().size());
        assertEquals(List.of(HangupCause.USER_BUSY), ended.stream().map(LiveCallEnd::cause).toList());
    }

    @Test
    void aListedChannelWhoseHangupCameWhileListingIsDropped() {
        long next = reconnect();
        tracker.onEvent(next, channel("Hangup", "Local/200@demo-11;1", "11.1", "11.1", 6, "Cause", "16"));
        tracker.resync(next, List.of(coreShowChannel("Local/200@demo-11;1", "11.1", "11.1", 6, "", "00:00:09")),
                List.of(), List.of(queueEntry("hold", 1, "Local/200@demo-11;1", "11.1", 3)));

        LiveSnapshot snapshot = tracker.snapshot();
        assertTrue(snapshot.channels().isEmpty(), snapshot.toString());
        assertEquals(List.of(), waiting("hold"));
    }

    @Test
    void callsThatEndedWhileOutOfSyncAreReportedWhenTheViewResyncs() {
        apply(channel("Newchannel", "Local/200@demo-12;1", "12.1", "12.1", 6),
                channel("Newchannel", "Local/200@demo-13;1", "13.1", "13.1", 6));
        tracker.sessionLost(session, "the server closed the connection");
        assertEquals(List.of(AmiLifecycleEvents.LIVE_STATE_SYNCED, AmiLifecycleEvents.LIVE_STATE_LOST), names(lifecycle));
        assertEquals("the server closed the connection", lifecycle.get(1).get(AmiLifecycleEvents.CAUSE));
        LiveSnapshot stale = tracker.snapshot();
        assertFalse(stale.inSync());
        assertEquals(T0, stale.outOfSyncSince().orElseThrow());
        assertEquals(2, stale.channels().size(), "the last state known, flagged as such");

        long next = tracker.beginSession();
        clock.advance(30);
        tracker.resync(next, List.of(coreShowChannel("Local/200@demo-13;1", "13.1", "13.1", 6, "", "00:00:30")), List.of(), List.of());

        assertEquals(1, ended.size());
        LiveCallEnd end = ended.get(0);
        assertEquals("12.1", end.call().linkedId());
        assertEquals(HangupCause.UNKNOWN, end.cause());
        assertEquals(T0.plusSeconds(30), end.ended());
        assertEquals(List.of("13.1"), tracker.snapshot().calls().stream().map(LiveCall::linkedId).toList());
        assertEquals(AmiLifecycleEvents.LIVE_STATE_SYNCED, lifecycle.get(2).name());
    }

    @Test
    void whatTheViewKnewSurvivesAResyncAndTheRestIsEstimatedFromTheLists() {
        apply(channel("Newchannel", "Local/200@demo-14;1", "14.1", "14.1", 4));
        clock.advance(1);
        apply(channel("Newstate", "Local/200@demo-14;1", "14.1", "14.1", 6),
                callerJoin("QueueCallerJoin", "hold", "Local/310@demo-15;2", "15.2", 1));
        long next = reconnect();
        clock.advance(100);
        tracker.resync(next, List.of(coreShowChannel("Local/200@demo-14;1", "14.1", "14.1", 6, "", "00:01:41"),
                        coreShowChannel("Local/200@demo-16;1", "16.1", "16.1", 6, "", "01:00:05")), List.of(),
                List.of(queueEntry("hold", 1, "Local/310@demo-15;2", "15.2", 100),
                        queueEntry("hold", 2, "Local/310@demo-17;2", "17.2", 42)));

        LiveSnapshot snapshot = tracker.snapshot();
        LiveCall known = snapshot.call("14.1").orElseThrow();
        assertEquals(T0, known.start());
        assertEquals(T0.plusSeconds(1), known.answered());
        LiveCall listed = snapshot.call("16.1").orElseThrow();
        assertEquals(T0.plusSeconds(101 - 3605), listed.start());
        assertNull(listed.answered());
        assertTrue(listed.isAnswered());
        assertEquals(List.of("16.1", "14.1"), snapshot.calls().stream().map(LiveCall::linkedId).toList(), "oldest first");
        List<LiveQueueCaller> callers = snapshot.queue("hold").orElseThrow().callers();
        assertEquals(T0.plusSeconds(1), callers.get(0).joined());
        assertEquals(T0.plusSeconds(101 - 42), callers.get(1).joined());
    }

    @Test
    void eventsOfAnEndedSessionAreIgnored() {
        long old = session;
        long next = reconnect();
        tracker.resync(next, List.of(), List.of(), List.of());
        tracker.onEvent(old, channel("Newchannel", "Local/100@demo-18;1", "18.1", "18.1", 0));
        assertTrue(tracker.snapshot().channels().isEmpty());
    }

    @Test
    void tooManyEventsWhileListingMakeTheResyncStartOver() {
        long next = reconnect();
        for (int i = 0; i < 101; i++) {
            tracker.onEvent(next, channel("Newchannel", "Local/100@demo-" + i + ";1", i + ".1", i + ".1", 0));
        }
        assertFalse(tracker.resync(next, List.of(), List.of(), List.of()));
        assertFalse(tracker.isInSync());
    }

    @Test
    void aSnapshotIsReusedUntilSomethingChanges() {
        LiveSnapshot first = tracker.snapshot();
        assertSame(first, tracker.snapshot());
        apply(channel("Newchannel", "Local/100@demo-19;1", "19.1", "19.1", 0));
        LiveSnapshot second = tracker.snapshot();
        assertEquals(1, second.channels().size());
        assertEquals(0, first.channels().size(), "a snapshot never changes");
    }

    private long reconnect() {
        tracker.sessionLost(session, "dropped");
        return tracker.beginSession();
    }

    private void apply(AmiEvent... events) {
        for (AmiEvent event : events) {
            tracker.onEvent(session, event);
        }
    }

    private List<String> waiting(String queue) {
        return tracker.snapshot().queue(queue).map(q -> q.callers().stream().map(LiveQueueCaller::uniqueId).toList())
                .orElse(List.of());
    }

    private boolean inCall(String queue, String location) {
        return tracker.snapshot().queue(queue).orElseThrow().members().stream()
                .filter(m -> m.interfaceName().equals(location)).findFirst().orElseThrow().inCall();
    }

    private static List<String> names(List<AmiEvent> events) {
        return events.stream().map(AmiEvent::name).toList();
    }

    private static final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
