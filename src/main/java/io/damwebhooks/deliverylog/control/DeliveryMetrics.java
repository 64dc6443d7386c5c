package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.entity.AttemptResult;
import io.damwebhooks.platform.control.Metrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery metrics of the contract, served as Prometheus text at {@code /dam-webhooks/metrics}
 * ({@link io.damwebhooks.platform.boundary.MetricsServlet}): {@code webhooks_deliveries_total} by
 * {@code outcome} (succeeded, failed, retrying: one count per attempt's consequence),
 * {@code webhooks_delivery_attempt_seconds} (a classic histogram of attempt durations, in seconds) and
 * {@code webhooks_delivery_backlog} (pending deliveries, as counted at the dispatcher's last poll — a
 * scrape must not query the database); beyond the contract, {@code webhooks_delivery_dispatched_total} by
 * {@code via}: deliveries this instance gave to its senders, handed over at intake ({@code handover}) or
 * claimed from the table ({@code claim}: retries, other instances' rows, overflow).
 * <p>
 * A histogram rather than a summary: an observation is one bucket increment (a summary keeps a sliding
 * quantile sketch per observation), and buckets add up across instances, where quantiles of several
 * summaries cannot be combined; {@code histogram_quantile()} gives the percentiles. The buckets span
 * the attempt timeout (15 s by default).
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    Metrics metrics;

    private final AtomicLong backlog = new AtomicLong();
    private Counter deliveries;
    private Histogram attempts;
    private Counter dispatched;

    protected DeliveryMetrics() {
        // for CDI, which injects the registry and then registers
    }

    /** Outside a container (the dispatch core's unit tests). */
    public DeliveryMetrics(Metrics metrics) {
        this.metrics = metrics;
        register();
    }

    @PostConstruct
    void register() {
        deliveries = Counter.builder().name("webhooks_deliveries_total")
                .help("Delivery attempts by what followed them").labelNames("outcome").register(metrics.registry());
        attempts = Histogram.builder().name("webhooks_delivery_attempt_seconds")
                .help("How long one delivery attempt took, in seconds").classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60)
                .register(metrics.registry());
        dispatched = Counter.builder().name("webhooks_delivery_dispatched_total")
                .help("Deliveries this instance took to send, by how it took them").labelNames("via")
                .register(metrics.registry());
        dispatched.initLabelValues("handover"); // both series from the start: a rate() over a missing one is no rate
        dispatched.initLabelValues("claim");
        GaugeWithCallback.builder().name("webhooks_delivery_backlog").help("Pending deliveries")
                .callback(callback -> callback.call(backlog.get())).register(metrics.registry());
    }

    public void outcome(String outcome) {
        deliveries.labelValues(outcome).inc();
    }

    public void attempt(AttemptResult result) {
        attempts.observe(result.durationMs() / 1000.0);
    }

    public void dispatched(String via, int count) {
        if (count > 0) dispatched.labelValues(via).inc(count);
    }

    public void backlog(long pending) {
        backlog.set(pending);
    }
}
