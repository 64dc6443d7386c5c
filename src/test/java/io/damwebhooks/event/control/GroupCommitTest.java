package io.damwebhooks.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.it.support.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Group commit with a stand-in for the transactional intake: requests that arrive while a group is
 * being recorded share the next one, each gets its own answer, and a group that fails is tried again
 * event by event so that only the bad event fails.
 */
class GroupCommitTest {

    /** Records groups as they come; "bad-…" events fail, alone or in a group; the first group waits to be released. */
    static final class Intake extends EventIntake {
        final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstGroupStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstGroup = new CountDownLatch(1);

        @Override
        public List<Accepted> acceptAll(List<AssetEvent> events) {
            List<String> ids = events.stream().map(AssetEvent::id).toList();
            groups.add(ids);
            if (groups.size() == 1) {
                firstGroupStarted.countDown();
                await(releaseFirstGroup);
            }
            if (ids.stream().anyMatch(id -> id.startsWith("bad"))) throw new IllegalStateException("refused: " + ids);
            return ids.stream().map(id -> new Accepted(id, 1)).toList();
        }

        @Override
        public Accepted accept(AssetEvent event) {
            return acceptAll(List.of(event)).get(0);
        }

        @Override
        public Optional<Accepted> find(String eventId) {
            return Optional.empty();
        }
    }

    final Intake intake = new Intake();
    final GroupCommit groups = new GroupCommit();

    {
        groups.intake = intake;
    }

    @Test
    void eventsArrivingDuringACommitShareTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            Future<Accepted> first = firstGroupUnderWay(callers);
            List<Future<Accepted>> waiting = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String id = "e" + i;
                waiting.add(callers.submit(() -> groups.accept(event(id))));
            }
            Poll.until(Duration.ofSeconds(10), GroupCommitTest.this::queued, n -> n == 5, "all five queued behind the first group");
            intake.releaseFirstGroup.countDown();

            assertEquals("e0", first.get(10, TimeUnit.SECONDS).eventId());
            for (int i = 1; i <= 5; i++) assertEquals("e" + i, waiting.get(i - 1).get(10, TimeUnit.SECONDS).eventId());
            assertEquals(2, intake.groups.size(), "one group for the first event, one for the five: " + intake.groups);
            assertEquals(5, intake.groups.get(1).size());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedGroupIsTriedEventByEventAndOnlyTheBadOneFails() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Accepted> first = firstGroupUnderWay(callers);
            Future<Accepted> good = callers.submit(() -> groups.accept(event("good")));
            Future<Accepted> bad = callers.submit(() -> groups.accept(event("bad")));
            Poll.until(Duration.ofSeconds(10), GroupCommitTest.this::queued, n -> n == 2, "both queued behind the first group");
            intake.releaseFirstGroup.countDown();

            assertEquals("e0", first.get(10, TimeUnit.SECONDS).eventId());
            assertEquals("good", good.get(10, TimeUnit.SECONDS).eventId());
            Exception failed = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof IllegalStateException, String.valueOf(failed));
            assertEquals(4, intake.groups.size(), "the first, the failed pair, then each alone: " + intake.groups);
            assertEquals(2, intake.groups.get(1).size());
        } finally {
            callers.shutdownNow();
        }
    }

    /** Event "e0" posted, its group being recorded (and held until released): what comes now queues. */
    private Future<Accepted> firstGroupUnderWay(ExecutorService callers) throws InterruptedException {
        Future<Accepted> first = callers.submit(() -> groups.accept(event("e0")));
        assertTrue(intake.firstGroupStarted.await(10, TimeUnit.SECONDS));
        return first;
    }

    private int queued() {
        synchronized (groups) {
            return groups.queued();
        }
    }

    private static AssetEvent event(String id) {
        return new AssetUploaded(id, null, new Asset("u-" + id, "a.jpg", null, null, "image/jpeg", null, null, null, null, null, null, null));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
