package io.amira.it.inbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;
import io.amira.it.AmiSessions;
import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import io.amira.it.inbound.mdb.AllEventsRecorderBean;
import io.amira.it.inbound.mdb.DemoUserEventRecorderBean;
import io.amira.it.inbound.mdb.FailingRecorderBean;
import io.amira.it.inbound.mdb.HangupRecorderBean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbound on WildFly: test MDBs in the deployed EAR receive the events of calls this test places,
 * each call's events in the order Asterisk sent them (compared with what a plain AMI client of the
 * same server saw on the wire), and each only what its filter admits.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundIT {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private AmiClient observer;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return InboundDeployment.create();
    }

    @BeforeEach
    void connectObserver() throws AmiException {
        observer = connect();
        awaitMdbConnected();
    }

    @AfterEach
    void closeObserver() {
        if (observer != null) {
            observer.close();
        }
    }

    @Test
    void anMdbReceivesAnOriginatedCallsEventsInOrder() throws Exception {
        String linkedId = placeCall();

        List<String> expected = awaitCallOnWire(linkedId);
        await().atMost(CALL_TIMEOUT).until(() -> forCall(recorded(AllEventsRecorderBean.RECORDER), linkedId).equals(expected));
        assertTrue(expected.get(0).startsWith("Newchannel|"), expected.toString());
    }

    @Test
    void twoMdbsWithDifferentFiltersEachReceiveOnlyTheirOwn() throws Exception {
        String linkedId = placeCall();
        List<String> expected = awaitCallOnWire(linkedId);
        List<String> expectedHangups = expected.stream().filter(line -> line.startsWith("Hangup|")).toList();
        List<String> expectedDemo = expected.stream().filter(line -> line.startsWith("UserEvent|") && line.endsWith("|Demo")).toList();
        assertFalse(expectedDemo.isEmpty(), "the call raised no UserEvent Demo: " + expected);

        await().atMost(CALL_TIMEOUT).until(() -> forCall(recorded(HangupRecorderBean.RECORDER), linkedId).equals(expectedHangups));
        await().atMost(CALL_TIMEOUT).until(() -> forCall(recorded(DemoUserEventRecorderBean.RECORDER), linkedId).equals(expectedDemo));
        assertTrue(recorded(HangupRecorderBean.RECORDER).stream().allMatch(line -> line.startsWith("Hangup|")));
        assertTrue(recorded(DemoUserEventRecorderBean.RECORDER).stream().allMatch(line -> line.startsWith("UserEvent|") && line.endsWith("|Demo")));
    }

    @Test
    void anMdbThatThrowsKeepsReceivingEvents() throws Exception {
        String first = placeCall();
        awaitCallOnWire(first);
        String second = placeCall();
        List<String> expected = awaitCallOnWire(second).stream().filter(line -> line.startsWith("UserEvent|")).toList();

        await().atMost(CALL_TIMEOUT).until(() -> !forCall(recorded(FailingRecorderBean.RECORDER), first).isEmpty()
                && forCall(recorded(FailingRecorderBean.RECORDER), second).equals(expected));
    }

    @Test
    void afterTheServerDropsTheSessionTheMdbReceivesTheNextCallsEvents() throws Exception {
        long reconnectsBefore = count(recorded(AllEventsRecorderBean.RECORDER), AmiLifecycleEvents.RECONNECTED);
        if (AmiTarget.isSimulated()) {
            observer.close();
            AmiTarget.simulator().refuseConnections(Duration.ofSeconds(1)); // a restart: every session dropped
        } else {
            AmiSessions.kickAll(); // the MDBs' sessions (the dedicated session user), not the observer's
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(recorded(AllEventsRecorderBean.RECORDER), AmiLifecycleEvents.RECONNECTED) > reconnectsBefore);
        assertTrue(count(recorded(AllEventsRecorderBean.RECORDER), AmiLifecycleEvents.DISCONNECTED) > 0);
        if (AmiTarget.isSimulated()) {
            observer = connect();
        }
        String linkedId = placeCall();
        List<String> expected = awaitCallOnWire(linkedId);
        await().atMost(CALL_TIMEOUT).until(() -> forCall(recorded(AllEventsRecorderBean.RECORDER), linkedId).equals(expected));
    }

    // --- helpers ---

    private AmiClient connect() throws AmiException {
        AmiClientConfig config = AmiClientConfig.builder()
                .host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret())
                .events("on")
                .build();
        return AmiClient.connect(config, new AmiClientListener() {
            @Override
            public void onEvent(AmiEvent event) {
                wire.add(line(event));
            }
        });
    }

    private void awaitMdbConnected() {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(recorded(AllEventsRecorderBean.RECORDER), AmiLifecycleEvents.CONNECTED) > 0);
    }

    /** Originates a call to the test channel; returns its Linkedid (the first channel's Uniqueid). */
    private String placeCall() throws Exception {
        AmiAction originate = AmiAction.builder("Originate")
                .header("Channel", AmiTarget.channel())
                .header("Application", "Wait")
                .header("Data", "2")
                .header("Async", "true")
                .header("CallerID", "\"Amira IT\" <4711>")
                .build();
        AmiEvent response = observer.sendAndAwaitEvent(originate, "OriginateResponse", CALL_TIMEOUT);
        assertEquals("Success", response.get("Response"), "Originate failed: " + response.get("Reason"));
        return response.uniqueId();
    }

    /** The call's events as a plain client saw them on the wire, once all its channels hung up. */
    private List<String> awaitCallOnWire(String linkedId) {
        await().atMost(CALL_TIMEOUT).until(() -> {
            List<String> call = forCall(wire, linkedId);
            return call.stream().filter(line -> line.startsWith("Hangup|")).count()
                    == call.stream().filter(line -> line.startsWith("Newchannel|")).count()
                    && call.stream().anyMatch(line -> line.startsWith("Hangup|"));
        });
        return forCall(wire, linkedId);
    }

    /** Same format as the MDBs' EventRecorder. */
    private static String line(AmiEvent event) {
        return event.name() + "|" + nullToEmpty(event.linkedId()) + "|" + nullToEmpty(event.uniqueId())
                + "|" + nullToEmpty(event.get("UserEvent"));
    }

    private static List<String> forCall(List<String> lines, String linkedId) {
        String marker = "|" + linkedId + "|";
        return lines.stream().filter(line -> line.contains(marker) && line.indexOf('|') == line.indexOf(marker)).toList();
    }

    private static long count(List<String> lines, String eventName) {
        return lines.stream().filter(line -> line.startsWith(eventName + "|")).count();
    }

    private List<String> recorded(String recorder) throws Exception {
        URI uri = URI.create(ItServer.webUri() + InboundDeployment.PROBE_CONTEXT + "/events/" + recorder);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().isEmpty() ? List.of() : List.of(response.body().split("\n"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
