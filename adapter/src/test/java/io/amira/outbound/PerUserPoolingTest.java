package io.amira.outbound;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-request credentials ({@code getConnection(user, secret)}) against a pool that behaves like
 * IronJacamar: the RAR declares application security, so each user has a sub-pool and alternating
 * users never destroy each other's sessions; without it every change of user costs a logoff and a
 * login (IJ000612), which the last test shows.
 */
class PerUserPoolingTest {

    private static final int MAX_POOL_SIZE = 4;

    private SimulatedPool deployed;

    @BeforeEach
    void start() throws Exception {
        deployed = SimulatedPool.start(MAX_POOL_SIZE, definition -> { });
    }

    @AfterEach
    void stop() throws Exception {
        deployed.close();
    }

    @Test
    void theRarDeclaresApplicationSecurity() {
        assertEquals(PoolingConnectionManager.PoolStrategy.POOL_BY_CRI, RarDescriptor.poolStrategy(),
                RarDescriptor.IRONJACAMAR_XML + " must declare <security><application/></security>");
    }

    @Test
    void twoUsersAlternatingOverAThousandBorrowsLogInOnceEach() throws Exception {
        for (int i = 0; i < 1000; i++) {
            try (AmiConnection connection = borrow(deployed.factory, i)) {
                assertTrue(connection.send(AmiActions.ping()).isSuccess());
            }
        }

        assertEquals(0, deployed.pool.mismatches(), "no pooled session was refused by matchManagedConnections");
        assertEquals(2, deployed.pool.created());
        assertEquals(2, deployed.simulator.logins());
        assertEquals(2, deployed.pool.subPools());
    }

    @Test
    void concurrentAlternatingBorrowersStayWithinThePoolSizePerUser() throws Exception {
        int borrowers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(borrowers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int b = 0; b < borrowers; b++) {
                int offset = b;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 125; i++) {
                        try (AmiConnection connection = borrow(deployed.factory, i + offset)) {
                            connection.send(AmiActions.ping());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> borrower : done) {
                borrower.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(0, deployed.pool.mismatches());
        assertTrue(deployed.simulator.logins() <= 2L * MAX_POOL_SIZE, "logins: " + deployed.simulator.logins());
        assertEquals(0, deployed.pool.destroyed(), "no session was thrown away and replaced");
    }

    @Test
    void withoutApplicationSecurityEveryChangeOfUserDestroysTheIdleSession() throws Exception {
        try (PoolingConnectionManager onePool = new PoolingConnectionManager(deployed.managedFactory, MAX_POOL_SIZE,
                PoolingConnectionManager.PoolStrategy.ONE_POOL, false)) {
            AmiConnectionFactory factory = (AmiConnectionFactory) deployed.managedFactory.createConnectionFactory(onePool);
            for (int i = 0; i < 10; i++) {
                try (AmiConnection connection = borrow(factory, i)) {
                    connection.send(AmiActions.ping());
                }
            }

            assertEquals(9, onePool.mismatches());
            assertEquals(10, deployed.simulator.logins());
        }
    }

    /** Even borrows use the connection definition's user (admin), odd ones another user's credentials. */
    private static AmiConnection borrow(AmiConnectionFactory factory, int i) throws Exception {
        return i % 2 == 0 ? factory.getConnection() : factory.getConnection("limited", "lim123");
    }
}
