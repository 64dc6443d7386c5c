package io.damwebhooks.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LingerTest {

    @Test
    void whatIsAskedForWithinTheLingerRunsOnce() {
        Fakes.ManualTimer timer = new Fakes.ManualTimer();
        AtomicInteger runs = new AtomicInteger();
        Linger linger = new Linger(timer, 10, runs::incrementAndGet);
        linger.ask();
        linger.ask();
        linger.ask();
        assertEquals(1, timer.waiting());
        timer.runScheduled();
        assertEquals(1, runs.get());
        linger.ask();
        assertEquals(1, timer.waiting(), "asked after the run: it runs again");
        timer.runScheduled();
        assertEquals(2, runs.get());
    }
}
