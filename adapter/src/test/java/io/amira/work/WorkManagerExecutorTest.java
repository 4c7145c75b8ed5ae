package io.amira.work;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkManagerExecutorTest {

    @Test
    void tasksRunAsLongRunningContainerWork() {
        RecordingWorkManager workManager = new RecordingWorkManager(false);
        AtomicBoolean ran = new AtomicBoolean();

        WorkManagerExecutor.longTasks(workManager, true).execute(() -> ran.set(true));

        assertEquals(1, workManager.scheduled.size());
        Work work = workManager.scheduled.get(0);
        HintsContext hints = (HintsContext) ((WorkContextProvider) work).getWorkContexts().get(0);
        assertEquals(Boolean.TRUE, hints.getHints().get(HintsContext.LONGRUNNING_HINT));
        work.run();
        assertTrue(ran.get());
    }

    @Test
    void aRefusalBecomesARejectedExecutionSayingWhy() {
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                () -> WorkManagerExecutor.longTasks(new RecordingWorkManager(true), true).execute(() -> { }));

        assertTrue(e.getMessage().contains("WorkManager refused"), e.getMessage());
    }

    @Test
    void itNamesTheWorkManagerAndWhatItsThreadsMustCover() {
        RecordingWorkManager workManager = new RecordingWorkManager(false);

        String longRunning = WorkManagerExecutor.longTasks(workManager, true).toString();
        String shortRunning = WorkManagerExecutor.shortTasks(workManager).toString();

        assertTrue(longRunning.contains("WorkManager 'amira-test'") && longRunning.contains("one per pooled AMI session")
                && longRunning.contains("docs/configuration.md"), longRunning);
        assertTrue(shortRunning.contains("each activation's concurrency"), shortRunning);
    }

    public static final class RecordingWorkManager implements WorkManager {
        final List<Work> scheduled = new ArrayList<>();
        private final boolean refuse;

        RecordingWorkManager(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public void scheduleWork(Work work) throws WorkRejectedException {
            scheduleWork(work, WorkManager.INDEFINITE, null, null);
        }

        @Override
        public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
                throws WorkRejectedException {
            if (refuse) {
                throw new WorkRejectedException("no threads left");
            }
            scheduled.add(work);
        }

        /** As WildFly's work managers have. */
        public String getName() {
            return "amira-test";
        }

        @Override public void doWork(Work work) { throw new UnsupportedOperationException(); }
        @Override public void doWork(Work w, long t, ExecutionContext c, WorkListener l) { throw new UnsupportedOperationException(); }
        @Override public long startWork(Work work) { throw new UnsupportedOperationException(); }
        @Override public long startWork(Work w, long t, ExecutionContext c, WorkListener l) { throw new UnsupportedOperationException(); }
    }
}
