package io.amira.outbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs tasks (the AMI session's reader loop) as container Work, so every thread comes from the WorkManager. */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            RejectedExecutionException rejected = new RejectedExecutionException(
                    "The container's WorkManager refused the AMI reader: " + e.getMessage(), e);
            throw rejected;
        }
    }

    /** A long-running task; release() has nothing to do because the session's close() ends the loop. */
    private static final class TaskWork implements Work {
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
            // The reader stops when its ManagedConnection is destroyed (the container destroys every
            // connection before it releases the adapter's work).
        }
    }
}
