package io.amira.it.config;

import io.amira.it.Deployments;
import io.amira.it.ItServer;
import io.amira.it.config.mdb.Recorder;
import io.amira.it.config.mdb.probe.RecorderProbe;
import io.amira.it.config.probe.ConfigProbe;
import io.amira.it.probes.FailureAnswer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** amira.ear as built plus the config probe, and HTTP calls to the probe. */
final class ConfigDeployments {

    static final String ZERO_CONFIG_FACTORY = ItServer.current().zeroConfigFactory();
    static final String ADMIN_FACTORY = "java:/eis/amira-admin";

    private static final String CONTEXT = "config-probe";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConfigDeployments() {
    }

    static EnterpriseArchive amiraEarWithConfigProbe() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, CONTEXT + ".war")
                .addPackage(ConfigProbe.class.getPackage()).addClass(FailureAnswer.class);
        return Deployments.amiraEarWithProbe().addAsModule(probe);
    }

    /**
     * amira.ear with the config probe, an EJB module holding the message-driven bean {@code mdb}
     * bound to {@code resourceAdapter}, and a probe answering what it recorded ({@link #recorded}).
     */
    static EnterpriseArchive amiraEarWithRecordingMdb(Class<?> mdb, String resourceAdapter) {
        JavaArchive module = Deployments.mdbModule("config-it-mdb.jar", resourceAdapter, mdb, Recorder.class);
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "recorder-probe.war")
                .addPackage(RecorderProbe.class.getPackage());
        return amiraEarWithConfigProbe().addAsModule(module).addAsModule(probe);
    }

    /** The names of the events the recording MDB received, in order. */
    static List<String> recorded(URI webUri) throws Exception {
        URI uri = URI.create("http://" + webUri.getHost() + ":" + webUri.getPort() + "/recorder-probe/recorded");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("recorder probe: " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isEmpty() ? List.of() : List.of(answer.body().split(","));
    }

    /** GET {@code /config-probe/config/<operation>?jndi=<factory>&...}. */
    static HttpResponse<String> get(URI webUri, String operation, String jndi, String... extraQuery) throws Exception {
        return getAsync(webUri, operation, jndi, extraQuery).get();
    }

    static CompletableFuture<HttpResponse<String>> getAsync(URI webUri, String operation, String jndi, String... extraQuery) {
        StringBuilder query = new StringBuilder("jndi=").append(URLEncoder.encode(jndi, StandardCharsets.UTF_8));
        for (String part : extraQuery) {
            query.append('&').append(part);
        }
        URI uri = URI.create("http://" + webUri.getHost() + ":" + webUri.getPort() + "/" + CONTEXT + "/config/"
                + operation + "?" + query);
        return HTTP.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sample MDB's most recent "receiving events from" line: where its current activation connected. */
    static boolean lastSampleActivationConnectedTo(String server) throws java.io.IOException {
        String marker = "AMIRA-IN-040 activation io.amira.sample.CallEventListenerBean: receiving events from ";
        String last = null;
        for (String line : java.nio.file.Files.readAllLines(ItServer.current().serverLog())) {
            if (line.contains(marker)) {
                last = line;
            }
        }
        return last != null && last.contains(marker + server + " ");
    }
}
