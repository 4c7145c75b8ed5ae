package io.amira.it.outbound;

import io.amira.it.Deployments;
import io.amira.it.ItServer;
import io.amira.it.outbound.probe.OutboundProbe;
import io.amira.it.outbound.probe.PoolProbe;
import io.amira.it.outbound.probe.PoolLayersBean;
import io.amira.it.outbound.probe.PoolLayersProbe;
import io.amira.it.outbound.probe.PoolProbeBean;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** amira.ear as built, plus the outbound probe web module through which the tests call CallControlBean. */
final class OutboundDeployments {

    static final String CONTEXT = "outbound-probe";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OutboundDeployments() {
    }

    static EnterpriseArchive amiraEarWithOutboundProbe() {
        return withOutboundProbe(Deployments.amiraEarWithProbe());
    }

    /**
     * {@code ear} plus the outbound probe. On Payara without the pool probes: they look up WildFly's
     * {@code java:/eis/amira}, and the tests that use them run on WildFly only.
     */
    static EnterpriseArchive withOutboundProbe(EnterpriseArchive ear) {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, CONTEXT + ".war").addPackage(OutboundProbe.class.getPackage());
        if (ItServer.current() == ItServer.PAYARA) {
            probe.deleteClasses(PoolProbe.class, PoolProbeBean.class, PoolLayersProbe.class, PoolLayersBean.class);
        }
        return ear.addAsModule(probe);
    }

    /** GET {@code /outbound-probe/outbound/<path>} (the CallControlBean probe); the answer's status and text. */
    static HttpResponse<String> get(URI webUri, String pathAndQuery) throws Exception {
        return probe(webUri, "outbound/" + pathAndQuery);
    }

    /** GET {@code /outbound-probe/<path>}; the answer's status and text. */
    static HttpResponse<String> probe(URI webUri, String path) throws Exception {
        return HTTP.send(request(webUri, path), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #probe}, answering later: for a call that blocks while the test acts. */
    static CompletableFuture<HttpResponse<String>> probeAsync(URI webUri, String path) {
        return HTTP.sendAsync(request(webUri, path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(URI webUri, String path) {
        URI uri = URI.create("http://" + webUri.getHost() + ":" + webUri.getPort() + "/" + CONTEXT + "/" + path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3)).GET().build();
    }
}
