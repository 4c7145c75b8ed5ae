package io.amira.it.config.load;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only: load from the moment the deployment starts until it stops, so a redeploy always
 * happens under load. {@link #CALLERS} callers borrow a pooled connection and send a Ping every
 * 10 ms; one of them originates a call to {@code AMIRA_IT_CHANNEL} (default {@code Local/100@demo})
 * every 500 ms, whose events flow to the deployment's MDBs. Its counts are the MBean
 * {@code io.amira.it:type=Load} while the incarnation lives.
 */
@Singleton
@Startup
public class LoadGenerator {

    static final int CALLERS = 4;
    public static final String OBJECT_NAME = "io.amira.it:type=Load";

    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory factory;

    @Resource
    private ManagedExecutorService executor;

    private final List<Future<?>> callers = new ArrayList<>();
    private volatile boolean running = true;

    @PostConstruct
    void start() throws JMException {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(new LoadMBean() {
            @Override
            public long getActions() {
                return actions.get();
            }

            @Override
            public long getFailed() {
                return failed.get();
            }
        }, LoadMBean.class), new ObjectName(OBJECT_NAME));
        for (int i = 0; i < CALLERS; i++) {
            boolean originates = i == 0;
            callers.add(executor.submit(() -> call(originates)));
        }
    }

    @PreDestroy
    void stop() throws JMException {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(OBJECT_NAME));
        running = false;
        for (Future<?> caller : callers) {
            try {
                caller.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                caller.cancel(true);
            }
        }
    }

    private void call(boolean originates) {
        String channel = System.getenv().getOrDefault("AMIRA_IT_CHANNEL", "Local/100@demo");
        long nextCall = 0;
        while (running) {
            try (AmiConnection connection = factory.getConnection()) {
                connection.send(AmiActions.ping());
                if (originates && System.nanoTime() - nextCall >= 0) {
                    nextCall = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                    connection.originateAsync(AmiActions.originate(channel).toApplication("Wait", "1").build(),
                            Duration.ofSeconds(20));
                }
                actions.incrementAndGet();
            } catch (AmiException | RuntimeException e) {
                failed.incrementAndGet();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
