package io.amira.inbound;

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
 * Runs tasks as WorkManager work, so every thread the inbound side uses is the container's. Tasks
 * that live as long as a connection (socket readers, reconnect loops) carry the long-running hint.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;
    private final boolean longRunning;

    WorkManagerExecutor(WorkManager workManager, boolean longRunning) {
        this.workManager = workManager;
        this.longRunning = longRunning;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(longRunning ? new LongRunningWork(task) : new TaskWork(task));
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
