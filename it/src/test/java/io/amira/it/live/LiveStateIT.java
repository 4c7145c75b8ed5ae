package io.amira.it.live;

import io.amira.it.AmiSessions;
import io.amira.it.AmiTarget;
import io.amira.it.Deployments;
import io.amira.it.ItServer;
import io.amira.it.live.probe.LiveProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view, the Jakarta EE way, on both servers: the administered object amira.ear binds
 * (WildFly: the RAR's ironjacamar.xml, {@code java:/eis/amira-live}; Payara: glassfish-resources.xml,
 * {@code java:app/eis/amira-live}), looked up by name in a web module and in the sample's
 * {@code CallBoard} EJB: one view per definition (WildFly binds one object; Payara makes one per
 * lookup, and they share the view: 20 lookups open no AMI session).
 * During a call the board shows it (its Local channels, answered), after the hangup it does not;
 * the demo queue {@code support} is known with its members. Calls go to {@code Local/200@demo}, the
 * demo dialplan's 30 s call (the simulator's, or a real Asterisk's with {@code AMIRA_IT_*}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveStateIT {

    private static final String CONTEXT = "live-probe";
    private static final String LONG_CALL = "Local/200@demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, CONTEXT + ".war").addPackage(LiveProbe.class.getPackage());
        return Deployments.amiraEar().addAsModule(probe);
    }

    @Test
    void anEjbSeesACallWhileItLastsAndNotAfter() throws Exception {
        String synced = get("await");
        // WildFly binds one object; Payara makes one per lookup, and they share one view (below).
        assertEquals(AmiTarget.host() + ":" + AmiTarget.port() + " inSync=true sameObject=" + (ItServer.current() == ItServer.WILDFLY),
                synced);
        int sessions = AmiSessions.count();
        assertEquals("in sync 20 of 20", get("lookups?count=20"));
        int after = AmiSessions.count();
        assertTrue(after <= sessions, "20 lookups of the live view opened AMI sessions: " + sessions + " before, " + after + " after");

        String outcome = get("originate?channel=" + encode(LONG_CALL));
        assertTrue(outcome.contains("ANSWERED"), outcome);

        String channel = await("the call on the board").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> channelOnBoard(get("board")), Optional::isPresent).orElseThrow();
        String board = get("board");
        assertTrue(board.startsWith("inSync=true\n"), board);
        assertTrue(board.lines().anyMatch(line -> line.contains(" answered=true channel " + channel + " UP ")), board);
        assertTrue(board.lines().anyMatch(line -> line.startsWith("queue support members=") && !line.contains("members=0 ")),
                board);

        assertEquals("Success", get("hangup?channel=" + encode(channel)));
        await("the call gone from the board").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !get("board").contains(" channel " + LONG_CALL.split("@")[0]));
    }

    /** A channel of the long call on the board (e.g. {@code Local/200@demo-00000003;1}). */
    private static Optional<String> channelOnBoard(String board) {
        return Arrays.stream(board.split("\n")).filter(line -> line.contains(" channel " + LONG_CALL + "-"))
                .map(line -> line.substring(line.indexOf(" channel ") + " channel ".length()).split(" ")[0])
                .findFirst();
    }

    private static String get(String pathAndQuery) throws Exception {
        URI web = ItServer.webUri();
        URI uri = URI.create("http://" + web.getHost() + ":" + web.getPort() + "/" + CONTEXT + "/live/" + pathAndQuery);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), pathAndQuery + ": " + answer.body());
        return answer.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
