package io.damwebhooks.delivery.dispatch;

import static io.damwebhooks.delivery.dispatch.Fakes.LEASE;
import static io.damwebhooks.delivery.dispatch.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.delivery.entity.DeliveriesRecorded;
import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Outcome;
import io.damwebhooks.platform.control.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOverTest {

    private final ManualClock clock = new ManualClock(T0);
    private final List<Outcome> givenBack = new ArrayList<>();
    private InFlight inFlight = new InFlight(128);
    private HandOver handOver = handOver(16);

    private HandOver handOver(int concurrency) {
        return new HandOver(inFlight, Fakes.slots(concurrency, givenBack), givenBack::add, Fakes.metrics(), LEASE, "me", clock);
    }

    /** Reserves and commits {@code count} fresh deliveries of a webhook, as the outbox does. */
    private List<Leased> commit(String webhookId, int count, int leftBehind) {
        int reserved = handOver.reserve(webhookId, count, clock.instant());
        assertEquals(count, reserved, "room reserved before the commit");
        List<Leased> handed = Fakes.leased(webhookId, count, T0.plus(LEASE));
        handOver.committed(new DeliveriesRecorded(count + leftBehind, handed, leftBehind, T0.plus(LEASE)));
        return handed;
    }

    private int inFlightNow() {
        return inFlight.limit() - inFlight.room();
    }

    @Test
    void nothingIsReservedBeforeTheOpeningWhilePausedOrAfterTheStop() {
        assertEquals(0, handOver.reserve("wh_a", 5, T0), "before the previous run's leases are released");
        handOver.open();
        assertEquals(0, handOver.reserve("wh_a", 5, T0), "paused from the start: rows may wait in the table");
        handOver.resume();
        assertEquals(5, handOver.reserve("wh_a", 5, T0));
        handOver.stop();
        assertEquals(0, handOver.reserve("wh_a", 5, T0), "stopped");
    }

    @Test
    void aCommitThatLeftRowsInTheTablePausesTheHandOver() {
        handOver.open();
        handOver.resume();
        commit("wh_a", 2, 0);
        assertEquals(3, handOver.reserve("wh_a", 3, T0), "nothing left behind: the hand-over goes on");
        handOver.cancel(Fakes.leased("wh_a", 3, T0.plus(LEASE)));
        commit("wh_a", 2, 1);
        assertEquals(0, handOver.reserve("wh_a", 3, T0), "a row left behind waits in the table: fresh ones queue behind it");
    }

    @Test
    void committedDeliveriesAreFedToTheirSlotsAtOnce() {
        handOver.open();
        handOver.resume();
        commit("wh_a", 3, 0);
        assertEquals(3, inFlightNow());
        assertTrue(handOver.isEmpty());
    }

    @Test
    void aCommitThatTookOverHalfTheLeaseHandsNothingOver() {
        handOver.open();
        handOver.resume();
        clock.advance(LEASE.dividedBy(2).plusMillis(1));
        commit("wh_a", 3, 0);
        assertEquals(0, inFlightNow(), "its leases could run out during the attempts: they are claimed when they have");
        assertTrue(handOver.isEmpty(), "and the room they had reserved is free again");
        assertTrue(givenBack.isEmpty());
    }

    @Test
    void aDeliveryQueuedForHalfItsLeaseIsGivenBackAndPausesTheHandOver() {
        inFlight = new InFlight(1);
        handOver = handOver(16);
        handOver.open();
        handOver.resume();
        commit("wh_a", 2, 0);
        assertEquals(1, inFlightNow());
        assertFalse(handOver.isEmpty(), "the second waits for room in flight");
        clock.advance(LEASE.dividedBy(2));
        inFlight.release(1);
        handOver.feed();
        assertEquals(1, givenBack.size());
        assertInstanceOf(Outcome.GivenBack.class, givenBack.get(0));
        assertEquals(0, handOver.reserve("wh_a", 1, clock.instant()), "the queue is longer than the receivers take within a lease");
    }

    @Test
    void feedingStopsAtTheLimitInFlightAndAtTheWebhooksSlots() {
        inFlight = new InFlight(2);
        handOver = handOver(16);
        handOver.open();
        handOver.resume();
        commit("wh_a", 3, 0);
        assertEquals(2, inFlightNow());
        assertTrue(handOver.has("wh_a"), "one waits for room in flight");

        inFlight = new InFlight(128);
        handOver = handOver(1);
        handOver.open();
        handOver.resume();
        commit("wh_b", 3, 0);
        assertEquals(2, inFlightNow(), "one attempt running and one waiting for the webhook's only slot");
        assertTrue(handOver.has("wh_b"));
    }
}
