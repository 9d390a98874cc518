package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void readsOnlyPrioritiesThatLowerAThread() {
        assertThat(BackgroundPriority.parse(null)).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(BackgroundPriority.parse(" ")).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(BackgroundPriority.parse("low")).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(BackgroundPriority.parse("1")).isEqualTo(1);
        assertThat(BackgroundPriority.parse(" 3 ")).isEqualTo(3);
        assertThat(BackgroundPriority.parse("0")).isEqualTo(Thread.MIN_PRIORITY);
        // a user's process cannot lower a thread's nice: a higher priority would be refused by the OS anyway
        assertThat(BackgroundPriority.parse("10")).isEqualTo(Thread.NORM_PRIORITY);
    }

    @Test
    void lowersTheThreadsAFactoryMakesAndNeverRaisesOne() {
        Thread lowered = BackgroundPriority.of(Thread::new, 2).newThread(() -> { });
        assertThat(lowered.getPriority()).isEqualTo(2);
        Thread lower = BackgroundPriority.of(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }, 3).newThread(() -> { });
        assertThat(lower.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    }

    @Test
    void theTaskRunnersThreadsRunAtTheBackgroundPriority() throws Exception {
        // at the default (5) this shows the wiring only: the process-wide value is read once, from the property
        FxTaskRunner runner = new FxTaskRunner(Runnable::run, Runnable::run, Runnable::run, "priority-test-");
        AtomicInteger priority = new AtomicInteger();
        AtomicReference<String> name = new AtomicReference<>();
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        runner.start(BackgroundTask.of("priority", context -> {
            priority.set(Thread.currentThread().getPriority());
            name.set(Thread.currentThread().getName());
            ran.countDown();
            return null;
        }));
        assertThat(ran.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(name.get()).startsWith("priority-test-");
        assertThat(priority.get()).isEqualTo(BackgroundPriority.priority());
    }
}
