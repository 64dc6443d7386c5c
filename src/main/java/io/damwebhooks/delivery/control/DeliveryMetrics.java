package io.damwebhooks.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
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

    /** With its unit declared: without one, Payara exports the nanoseconds under a "seconds" name. */
    private static final Metadata ATTEMPT = Metadata.builder().withName("webhooks.delivery.attempt")
            .withDescription("how long one delivery attempt took").withUnit(MetricUnits.NANOSECONDS).build();

    @PostConstruct
    void register() {
        registry.gauge("webhooks.delivery.backlog", backlog, AtomicLong::get);
    }

    void outcome(String outcome) {
        registry.counter("webhooks.deliveries", new Tag("outcome", outcome)).inc();
    }

    void attempt(AttemptResult result) {
        registry.timer(ATTEMPT).update(Duration.ofMillis(result.durationMs()));
    }

    void backlog(long pending) {
        backlog.set(pending);
    }
}
