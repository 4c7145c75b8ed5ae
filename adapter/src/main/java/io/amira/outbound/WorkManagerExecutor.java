package io.amira.outbound;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.List;
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
            throw new RejectedExecutionException("The container's WorkManager refused the AMI task: " + e.getMessage(), e);
        }
    }

    /**
     * A long-running task (hinted so, so the container runs it on its long-running threads);
     * release() has nothing to do because the session's close() ends the loop.
     */
    private static final class TaskWork implements Work, WorkContextProvider {
        private static final long serialVersionUID = 1L;

        private final Runnable task;

        TaskWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            hints.setName("amira-ami-reader");
            return List.of(hints);
        }

        @Override
        public void release() {
            // The reader stops when its ManagedConnection is destroyed (the container destroys every
            // connection before it releases the adapter's work).
        }
    }
}
