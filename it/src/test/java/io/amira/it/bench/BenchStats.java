package io.amira.it.bench;

import org.jboss.as.arquillian.container.ManagementClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bench MDB's counters (DeliveryStats), read and reset through the bench probe, for drivers outside the server. */
final class BenchStats {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ManagementClient management;

    BenchStats(ManagementClient management) {
        this.management = management;
    }

    /** The counters as one line of {@code key=value} pairs. */
    String snapshot() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(probe("stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    /** The numeric counters of a {@link #snapshot()}. */
    static Map<String, Long> parse(String snapshot) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : snapshot.split(" ")) {
            String[] kv = pair.split("=", 2);
            if (kv[1].matches("-?\\d+")) {
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return values;
    }

    /** Zeroes the counters; {@code seqPeriod}: where the flood's Seq wraps (0: never). */
    void reset(int seqPeriod) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(probe("stats/reset?seqPeriod=" + seqPeriod))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), answer.body());
    }

    private URI probe(String path) {
        URI web = management.getWebUri();
        return URI.create("http://" + web.getHost() + ":" + web.getPort() + "/" + BenchDeployment.PROBE_CONTEXT + "/" + path);
    }

}
