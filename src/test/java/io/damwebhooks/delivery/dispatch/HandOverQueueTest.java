package io.damwebhooks.delivery.dispatch;

import io.damwebhooks.delivery.entity.Leased;
import io.damwebhooks.delivery.entity.Receiver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.webhook.entity.AuthType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOverQueueTest {

    private final HandOverQueue queue = new HandOverQueue();

    @Test
    void deliveriesComeOutPerWebhookInTheOrderTheyWereCommitted() {
        assertEquals(3, queue.reserve("wh_a", 3));
        assertEquals(1, queue.reserve("wh_b", 1));
        queue.add(List.of(leased("wh_a", "msg_1"), leased("wh_b", "msg_2"), leased("wh_a", "msg_3"), leased("wh_a", "msg_4")));

        assertEquals("msg_2", queue.poll("wh_b").deliveryId());
        assertNull(queue.poll("wh_b"));
        assertFalse(queue.has("wh_b"));
        assertEquals(List.of("msg_1", "msg_3", "msg_4"), List.of(queue.poll("wh_a").deliveryId(),
                queue.poll("wh_a").deliveryId(), queue.poll("wh_a").deliveryId()));
        assertTrue(queue.isEmpty());
    }

    @Test
    void aWebhookTakesNoMoreThanItsShareAndAllOfThemNoMoreThanTheTotal() {
        assertEquals(HandOverQueue.PER_WEBHOOK, queue.reserve("wh_a", HandOverQueue.PER_WEBHOOK + 5));
        assertEquals(0, queue.reserve("wh_a", 1));
        assertEquals(HandOverQueue.PER_WEBHOOK, queue.reserve("wh_b", HandOverQueue.PER_WEBHOOK));
        int left = HandOverQueue.TOTAL - 2 * HandOverQueue.PER_WEBHOOK;
        assertEquals(left, queue.reserve("wh_c", HandOverQueue.PER_WEBHOOK));
        assertEquals(0, queue.reserve("wh_d", 1));
    }

    @Test
    void roomComesBackWhenAReservationIsCancelledOrADeliveryLeaves() {
        assertEquals(HandOverQueue.PER_WEBHOOK, queue.reserve("wh_a", HandOverQueue.PER_WEBHOOK));
        queue.cancel("wh_a", 2); // a rolled-back commit
        assertEquals(2, queue.reserve("wh_a", 5));
        List<Leased> committed = new ArrayList<>();
        for (int i = 0; i < HandOverQueue.PER_WEBHOOK; i++) committed.add(leased("wh_a", "msg_" + i));
        queue.add(committed);
        assertEquals(0, queue.reserve("wh_a", 1));

        queue.poll("wh_a");
        assertEquals(1, queue.reserve("wh_a", 5));
        assertFalse(queue.isEmpty());
    }

    private static Leased leased(String webhookId, String deliveryId) {
        Receiver receiver = new Receiver(webhookId, "PIM", "https", "https://pim.example.com/hook", AuthType.NONE,
                null, null, null, null, null, null, List.of(), List.of("whsec_c2VjcmV0"));
        return new Leased(deliveryId, 1, "{}", receiver, "asset", Instant.now().plusSeconds(60));
    }
}
