package io.amira.it.outbound;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import io.amira.it.LoadAverage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions/s and p50/p99 of EJB callers pinging through the pool on WildFly. A benchmark, not a test:
 * its name keeps it out of the default run; run it on request with {@code mvn -pl it -am verify
 * -Dit.test=PoolThroughputBench} (optional {@code -Damira.bench.callers=64 -Damira.bench.seconds=20 -Damira.bench.pipelined=1}, the
 * last sending that many Pings per EJB call pipelined on one borrowed connection); the
 * figure lands in {@code it/target/bench/pool-throughput.txt}.
 *
 * <p>{@code -Damira.bench.layers=ejb,ejb-tx,borrow,ping,sample,direct-borrow,direct-ping,one-connection}
 * (with e.g. {@code -Damira.bench.callers=1,64}) measures instead each layer of a pooled call on its
 * own, every layer for every caller count (see {@code PoolLayersProbe}), one line each in
 * {@code it/target/bench/pool-layers.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoolThroughputBench {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return OutboundDeployments.amiraEarWithOutboundProbe();
    }

    @Test
    void poolThroughputWithEjbCallers() throws Exception {
        String callerCounts = System.getProperty("amira.bench.callers", "64");
        int seconds = Integer.getInteger("amira.bench.seconds", 20);
        int pipelined = Integer.getInteger("amira.bench.pipelined", 1);
        String layers = System.getProperty("amira.bench.layers", "");
        Logger simulatorLog = Logger.getLogger("io.amira.simulator");
        Level level = simulatorLog.getLevel();
        simulatorLog.setLevel(Level.WARNING); // the simulator logs every action at INFO
        try {
            for (String callers : callerCounts.split(",")) {
                if (layers.isEmpty()) {
                    record("pool-throughput.txt", "callers=" + callers + " pipelined=" + pipelined, OutboundDeployments.get(
                            ItServer.webUri(), "bench?callers=" + callers + "&seconds=" + seconds + "&warmup=5&pipelined=" + pipelined));
                    continue;
                }
                for (String layer : layers.split(",")) {
                    record("pool-layers.txt", "layer=" + layer + " callers=" + callers, OutboundDeployments.probe(ItServer.webUri(),
                            "layers?layer=" + layer + "&callers=" + callers + "&seconds=" + seconds + "&warmup=3"));
                }
            }
        } finally {
            simulatorLog.setLevel(level);
        }
    }

    private static void record(String file, String what, HttpResponse<String> answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().endsWith("failed=0"), answer.body());
        Path report = Path.of("target", "bench", file);
        Files.createDirectories(report.getParent());
        Files.writeString(report, what + " target=" + (AmiTarget.isSimulated() ? "simulator" : AmiTarget.host())
                + " load=" + LoadAverage.now() + " " + answer.body() + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

}
