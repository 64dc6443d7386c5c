package io.damwebhooks.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Delivery metrics under {@code /metrics?scope=application}: {@code webhooks_deliveries_total} by
 * {@code outcome} (succeeded, failed, retrying: one count per attempt's consequence),
 * {@code webhooks_delivery_attempt_seconds} (attempt latency), and {@code webhooks_delivery_backlog}
 * (pending deliveries, as counted at the dispatcher's last poll — a gauge must not query on scrape).
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MetricRegistry registry;

    private final AtomicLong backlog = new AtomicLong();

    @PostConstruct
    void register() {
        registry.gauge("webhooks.delivery.backlog", backlog, AtomicLong::get);
    }

    void outcome(String outcome) {
        registry.counter("webhooks.deliveries", new Tag("outcome", outcome)).inc();
    }

    void attempt(AttemptResult result) {
        registry.timer("webhooks.delivery.attempt").update(Duration.ofMillis(result.durationMs()));
    }

    void backlog(long pending) {
        backlog.set(pending);
    }
}
