package io.amira.it.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The test server's MicroProfile Health readiness endpoint (enabled by {@link Management#enableHealth()}). */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Readiness() {
    }

    /** GET /health/ready: 200 when every check is UP, 503 otherwise. */
    static HttpResponse<String> ready() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + Management.managementPort() + "/health/ready");
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON without whitespace, so the tests can look for {@code "key":"value"}. */
    static String compact(String json) {
        return json.replaceAll("\\s", "");
    }
}
