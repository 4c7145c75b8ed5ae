package io.amira.inbound;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A container WorkManager double: a thread pool, counting the work it runs. */
final class TestWorkManager implements WorkManager, AutoCloseable {

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(namedThreads());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger scheduled = new AtomicInteger();

    private ThreadFactory namedThreads() {
        return task -> {
            Thread thread = new Thread(task, "test-workmanager-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        work.run();
    }

    @Override
    public long startWork(Work work) throws WorkRejectedException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkRejectedException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public void scheduleWork(Work work) throws WorkRejectedException {
        scheduled.incrementAndGet();
        try {
            pool.execute(() -> {
                running.incrementAndGet();
                try {
                    work.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new WorkRejectedException(e);
        }
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkRejectedException {
        scheduleWork(work);
    }

    /** Work currently running. */
    int running() {
        return running.get();
    }

    int scheduled() {
        return scheduled.get();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
