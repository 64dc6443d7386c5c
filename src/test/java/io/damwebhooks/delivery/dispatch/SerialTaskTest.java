package io.damwebhooks.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SerialTaskTest {

    @Test
    void askedWhileRunningItRunsOnceMoreAfterwards() {
        List<Runnable> executor = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<SerialTask> task = new AtomicReference<>();
        task.set(new SerialTask(executor::add, () -> {
            if (runs.incrementAndGet() == 1) {
                task.get().ask(); // two requests during the first run
                task.get().ask();
            }
            return true;
        }));
        task.get().ask();
        task.get().ask();
        assertEquals(1, executor.size(), "one run at a time: a second request while one is pending starts nothing");
        executor.get(0).run();
        assertEquals(2, runs.get(), "the requests made during the first run are one more run, not two");
        assertEquals(1, executor.size());
    }

    @Test
    void aFailedRunDropsTheRequestsMadeMeanwhile() {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<SerialTask> task = new AtomicReference<>();
        task.set(new SerialTask(Runnable::run, () -> {
            if (runs.incrementAndGet() < 10) task.get().ask(); // bounded, so that a broken rule fails rather than spins
            return false;
        }));
        task.get().ask();
        assertEquals(1, runs.get(), "no tight loop against a failing database");
    }
}
