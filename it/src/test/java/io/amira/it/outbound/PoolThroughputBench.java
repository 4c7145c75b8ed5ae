package io.amira.it.outbound;

import io.amira.it.AmiTarget;
import io.amira.it.ItServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        int callers = Integer.getInteger("amira.bench.callers", 64);
        int seconds = Integer.getInteger("amira.bench.seconds", 20);
        int pipelined = Integer.getInteger("amira.bench.pipelined", 1);
        Logger simulatorLog = Logger.getLogger("io.amira.simulator");
        Level level = simulatorLog.getLevel();
        simulatorLog.setLevel(Level.WARNING); // the simulator logs every action at INFO
        HttpResponse<String> answer;
        try {
            answer = OutboundDeployments.get(ItServer.webUri(),
                    "bench?callers=" + callers + "&seconds=" + seconds + "&warmup=5&pipelined=" + pipelined);
        } finally {
            simulatorLog.setLevel(level);
        }

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().endsWith("failed=0"), answer.body());
        Path report = Path.of("target", "bench", "pool-throughput.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "callers=" + callers + " pipelined=" + pipelined + " target=" + (AmiTarget.isSimulated() ? "simulator" : AmiTarget.host())
                + " " + answer.body() + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
