package io.amira.outbound;

import io.amira.api.AmiConnectionFactory;
import io.amira.simulator.AmiSimulator;
import io.amira.simulator.SimulatorConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound side as deployed, over a fresh simulator: a connection definition for {@code admin}
 * pooled by the container double as the RAR's ironjacamar.xml declares it.
 */
final class SimulatedPool implements AutoCloseable {

    final AmiSimulator simulator;
    final ExecutorService executor = Executors.newCachedThreadPool();
    final AmiManagedConnectionFactory managedFactory;
    final PoolingConnectionManager pool;
    final AmiConnectionFactory factory;

    private SimulatedPool(AmiSimulator simulator, int maxSize, Consumer<AmiManagedConnectionFactory> settings) {
        this.simulator = simulator;
        managedFactory = AmiManagedConnectionFactoryTest.factory(simulator.host(), simulator.port(), "admin", "amp111");
        managedFactory.setExecutor(executor);
        settings.accept(managedFactory);
        pool = PoolingConnectionManager.asDeployed(managedFactory, maxSize);
        factory = (AmiConnectionFactory) managedFactory.createConnectionFactory(pool);
    }

    /**
     * {@code settings} sets connection definition properties before anything connects. The simulator's
     * slow-reader cut-off (Asterisk's 100 ms write timeout) is raised: these tests are not about slow
     * readers, and on a busy two-core machine a write preempted for 100 ms would count as one.
     */
    static SimulatedPool start(int maxSize, Consumer<AmiManagedConnectionFactory> settings) throws IOException {
        return new SimulatedPool(AmiSimulator.start(SimulatorConfig.builder().slowReaderTimeout(Duration.ofSeconds(2)).build()),
                maxSize, settings);
    }

    /** {@code host:port} of the simulator, as messages name it. */
    String server() {
        return simulator.host() + ":" + simulator.port();
    }

    @Override
    public void close() throws InterruptedException {
        pool.close();
        simulator.close();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "reader loops ended");
    }
}
