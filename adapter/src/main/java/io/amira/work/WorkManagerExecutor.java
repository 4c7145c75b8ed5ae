package io.amira.work;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks as WorkManager work, so every thread the adapter uses is the container's. Tasks
 * that live as long as a connection (socket readers, reconnect loops) carry the long-running hint
 * and may wait for a thread; delivery workers are started from the socket reader, which must never
 * wait, so they are refused at once when the WorkManager has no room ({@code IMMEDIATE}).
 */
public final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;
    private final boolean longRunning;
    private final boolean mayWait;

    private WorkManagerExecutor(WorkManager workManager, boolean longRunning, boolean mayWait) {
        this.workManager = workManager;
        this.longRunning = longRunning;
        this.mayWait = mayWait;
    }

    /** For delivery workers: never waits for a thread. */
    public static WorkManagerExecutor shortTasks(WorkManager workManager) {
        return new WorkManagerExecutor(workManager, false, false);
    }

    /** For readers and connect loops; {@code hint}: mark them long-running (when the container supports the hint). */
    public static WorkManagerExecutor longTasks(WorkManager workManager, boolean hint) {
        return new WorkManagerExecutor(workManager, hint, true);
    }

    @Override
    public void execute(Runnable task) {
        try {
            Work work = longRunning ? new LongRunningWork(task) : new TaskWork(task);
            workManager.scheduleWork(work, mayWait ? WorkManager.INDEFINITE : WorkManager.IMMEDIATE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused the work: " + e.getMessage(), e);
        }
    }

    private static class TaskWork implements Work {
        private final Runnable task;

        TaskWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // Tasks end on their own when their activation stops; nothing to interrupt here.
        }
    }

    private static final class LongRunningWork extends TaskWork implements WorkContextProvider {
        private static final long serialVersionUID = 1L;

        LongRunningWork(Runnable task) {
            super(task);
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            return List.of(hints);
        }
    }
}
