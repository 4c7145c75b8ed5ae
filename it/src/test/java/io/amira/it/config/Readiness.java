package io.amira.it.config;

import io.amira.it.ItServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The test server's MicroProfile Health readiness endpoint ({@link ItServer#readinessUri()}; on
 * WildFly enabled by {@link Management#enableHealth()}, Payara serves it as it comes).
 */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Readiness() {
    }

    /** GET /health/ready: 200 when every check is UP, 503 otherwise. */
    static HttpResponse<String> ready() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(ItServer.current().readinessUri()).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON without whitespace, so the tests can look for {@code "key":"value"}. */
    static String compact(String json) {
        return json.replaceAll("\\s", "");
    }
}
