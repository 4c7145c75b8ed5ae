package io.amira.it.load;

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
import java.util.concurrent.locks.LockSupport;

/**
 * Test-only: load through the pool from the moment the deployment starts until it stops. Callers
 * ({@code amira.load.callers}, default 4) each borrow a pooled connection and send a Ping every
 * {@code amira.load.intervalMillis} (default 10) at a fixed rate; the first also originates a call
 * to {@code AMIRA_IT_CHANNEL} (default {@code Local/100@demo}) every
 * {@code amira.load.originateMillis} (default 500; 0: never), whose events flow to the deployment's
 * MDBs. The settings are the server's system properties; the counts are the MBean
 * {@code io.amira.it:type=Load} while the deployment lives.
 */
@Singleton
@Startup
public class LoadGenerator {

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
        int count = Integer.getInteger("amira.load.callers", 4);
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("amira.load.intervalMillis", 10));
        long originateNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("amira.load.originateMillis", 500));
        for (int i = 0; i < count; i++) {
            long callNanos = i == 0 ? originateNanos : 0;
            callers.add(executor.submit(() -> call(intervalNanos, callNanos)));
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

    private void call(long intervalNanos, long originateNanos) {
        String channel = System.getenv().getOrDefault("AMIRA_IT_CHANNEL", "Local/100@demo");
        long next = System.nanoTime();
        long nextCall = next;
        while (running) {
            try (AmiConnection connection = factory.getConnection()) {
                connection.send(AmiActions.ping());
                if (originateNanos > 0 && System.nanoTime() - nextCall >= 0) {
                    nextCall = System.nanoTime() + originateNanos;
                    connection.originateAsync(AmiActions.originate(channel).toApplication("Wait", "1").build(),
                            Duration.ofSeconds(20));
                }
                actions.incrementAndGet();
            } catch (AmiException | RuntimeException e) {
                failed.incrementAndGet();
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
