package io.damwebhooks.delivery.dispatch;

import static io.damwebhooks.delivery.dispatch.Fakes.LEASE;
import static io.damwebhooks.delivery.dispatch.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** What the database recorded, as "GivenBack msg_1" or "Attempted msg_1". */
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private final InFlight inFlight = new InFlight(128);
    private final OutcomeBatches outcomes = new OutcomeBatches(threads, new Fakes.ManualTimer(), batch -> {
        batch.forEach(o -> recorded.add(o.getClass().getSimpleName() + " " + o.leased().deliveryId()));
        return Optional.empty();
    }, (count, retry) -> inFlight.release(count));
    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();

    @AfterEach
    void shutdown() {
        threads.shutdownNow();
    }

    private Stop stop(Function<Leased, AttemptResult> send, int concurrency, HandOver[] handOver, WebhookSlots[] slots) {
        slots[0] = new WebhookSlots(new Circuits(concurrency, 5, Duration.ofSeconds(30)), concurrency, send, outcomes::add, threads, 4);
        handOver[0] = new HandOver(inFlight, slots[0], outcomes::add, Fakes.metrics(), LEASE, "me", Clock.systemUTC());
        ClaimLoop loop = new ClaimLoop(Runnable::run, timer, inFlight, handOver[0], slots[0], (limit, roomOf, now) -> null, 64,
                Duration.ofSeconds(1), Fakes.metrics(), Clock.systemUTC());
        handOver[0].open();
        handOver[0].resume();
        return new Stop(loop, handOver[0], slots[0], outcomes, inFlight, Clock.systemUTC());
    }

    private void commit(HandOver handOver, int count) {
        java.time.Instant until = java.time.Instant.now().plus(LEASE);
        handOver.reserve("wh_a", count, java.time.Instant.now());
        handOver.committed(new DeliveriesRecorded(count, Fakes.leased("wh_a", count, until), 0, until));
    }

    @Test
    void attemptsRunningAtTheStopFinishAndTheRestIsGivenBack() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        HandOver[] handOver = new HandOver[1];
        WebhookSlots[] slots = new WebhookSlots[1];
        Stop stop = stop(leased -> {
            await(answer);
            return new AttemptResult(T0, 5, 204, null, null, Optional.empty());
        }, 2, handOver, slots);
        commit(handOver[0], 10); // two running, two waiting for the webhook's slots, six queued
        threads.execute(() -> {
            await(Duration.ofMillis(200));
            answer.countDown();
        });
        stop.run(Duration.ofSeconds(10));
        assertEquals(2, recorded.stream().filter(r -> r.startsWith("Attempted")).count(), "the running ones were awaited: " + recorded);
        assertEquals(8, recorded.stream().filter(r -> r.startsWith("GivenBack")).count(), "the others go back unattempted");
        assertEquals(inFlight.limit(), inFlight.room(), "nothing held any more");
    }

    @Test
    void anAttemptStillRunningAtTheBoundIsCutOffGivenBackAndItsLateAnswerDropped() {
        HandOver[] handOver = new HandOver[1];
        WebhookSlots[] slots = new WebhookSlots[1];
        CountDownLatch never = new CountDownLatch(1);
        Stop stop = stop(leased -> {
            await(never); // until the stop interrupts it
            return new AttemptResult(T0, 5, 204, null, null, Optional.empty());
        }, 1, handOver, slots);
        commit(handOver[0], 1);
        long start = System.nanoTime();
        stop.run(Duration.ofMillis(300));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the stop keeps to its bound");
        assertEquals(List.of("GivenBack wh_a_msg_0"), recorded);
        outcomes.add(new Outcome.Attempted(Fakes.leased("wh_a", "wh_a_msg_0", T0), new AttemptResult(T0, 5, 204, null, null, Optional.empty())));
        outcomes.record();
        assertEquals(List.of("GivenBack wh_a_msg_0"), recorded, "an answer after the stop is not this instance's to record");
    }

    @Test
    void aDeliveryTakenAfterTheStopIsGivenBack() {
        List<Outcome> late = new CopyOnWriteArrayList<>();
        WebhookSlots stopped = new WebhookSlots(new Circuits(1, 5, Duration.ofSeconds(30)), 1,
                leased -> null, late::add, threads, 1);
        stopped.stop();
        stopped.dispatch(Fakes.leased("wh_a", "msg_late", T0)); // what a claim under way at the stop took
        assertEquals(1, late.size());
        assertTrue(late.get(0) instanceof Outcome.GivenBack);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void await(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // the receiver's answer takes this long, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
