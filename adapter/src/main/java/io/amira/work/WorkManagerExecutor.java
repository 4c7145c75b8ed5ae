package io.amira.work;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks as WorkManager work, so every thread the adapter uses is the container's. Tasks
 * that live as long as a connection (socket readers, reconnect loops) carry the long-running hint.
 * {@code scheduleWork} never blocks the caller (the socket reader starts delivery workers): a full
 * WorkManager refuses at once, and the caller sees a RejectedExecutionException.
 *
 * <p>No start timeout is set: with one (even {@code IMMEDIATE}), a WorkManager may accept the work
 * and later reject it silently because a busy machine started it a millisecond late, which would
 * leave the caller believing a worker runs that never will.
 */
public final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;
    private final boolean longRunning;

    private WorkManagerExecutor(WorkManager workManager, boolean longRunning) {
        this.workManager = workManager;
        this.longRunning = longRunning;
    }

    /** For delivery workers. */
    public static WorkManagerExecutor shortTasks(WorkManager workManager) {
        return new WorkManagerExecutor(workManager, false);
    }

    /** For readers and connect loops; {@code hint}: mark them long-running (when the container supports the hint). */
    public static WorkManagerExecutor longTasks(WorkManager workManager, boolean hint) {
        return new WorkManagerExecutor(workManager, hint);
    }

    @Override
    public void execute(Runnable task) {
        try {
            Work work = longRunning ? new LongRunningWork(task) : new TaskWork(task);
            workManager.scheduleWork(work, WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused the work: " + e.getMessage(), e);
        }
    }

    /**
     * Names the WorkManager (by its {@code getName()}, as WildFly's have) and what its threads must
     * cover, for messages about work that did not start.
     */
    @Override
    public String toString() {
        return "the WorkManager '" + name(workManager) + "' (" + (longRunning
                ? "its long-running threads: one per pooled AMI session and per activation, one more per activation"
                  + " while it connects"
                : "its short-running threads: up to each activation's concurrency")
                + "; size it, or give the adapter a work manager of its own, as docs/configuration.md 'Threads' says)";
    }

    private static String name(WorkManager workManager) {
        try {
            Method getName = workManager.getClass().getMethod("getName");
            Object name = getName.invoke(workManager);
            return name instanceof String text && !text.isBlank() ? text : workManager.getClass().getName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return workManager.getClass().getName();
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
