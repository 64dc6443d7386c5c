package io.damwebhooks.delivery.dispatch;

import static io.damwebhooks.delivery.dispatch.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.delivery.entity.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeBatchesTest {

    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();
    /** The size of each batch the database recorded. */
    private final List<Integer> recorded = new ArrayList<>();
    /** What the listener heard: outcomes no longer in flight, and the earliest retry. */
    private final List<String> heard = new ArrayList<>();
    private boolean databaseDown;

    private final OutcomeBatches batches = new OutcomeBatches(Runnable::run, timer, batch -> {
        if (databaseDown) throw new IllegalStateException("connection refused");
        recorded.add(batch.size());
        return Optional.of(T0.plusSeconds(5));
    }, (count, retry) -> heard.add(count + " " + retry.map(Instant::toString).orElse("-")));

    private void add(int count) {
        Fakes.leased("wh_a", count, T0.plusSeconds(60)).forEach(leased -> batches.add(new Outcome.GivenBack(leased)));
    }

    @Test
    void aFullBatchIsRecordedAtOnce() {
        add(OutcomeBatches.BATCH);
        assertEquals(List.of(OutcomeBatches.BATCH), recorded);
        assertEquals(List.of(OutcomeBatches.BATCH + " 2026-12-07T10:00:05Z"), heard);
    }

    @Test
    void fewerGatherForTheLingerAndAreRecordedInOneCommit() {
        add(3);
        assertEquals(List.of(), recorded, "they wait for more");
        assertEquals(1, timer.waiting(), "one wake-up for the three");
        timer.runScheduled();
        assertEquals(List.of(3), recorded);
        assertEquals(List.of("3 2026-12-07T10:00:05Z"), heard);
    }

    @Test
    void aBatchThatFailedToRecordStillFreesItsRoom() {
        databaseDown = true;
        add(2);
        timer.runScheduled();
        assertEquals(List.of(), recorded);
        assertEquals(List.of("2 -"), heard, "their leases run out and a claim takes them again");
    }
}
