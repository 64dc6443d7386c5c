package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.control.MinuteStats;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook's attempts per bucket, oldest first, every bucket of the span listed. */
@Schema(name = "WebhookStats")
@JsonbPropertyOrder({"webhookId", "from", "to", "bucket", "buckets"})
public class WebhookStatsJson {

    public String webhookId;
    public Instant from;
    public Instant to;
    @Schema(enumeration = {"1m", "5m", "1h", "1d"})
    public String bucket;
    public List<Bucket> buckets;

    @Schema(name = "StatsBucket")
    @JsonbPropertyOrder({"start", "succeeded", "failed", "p50Ms", "p95Ms"})
    public static class Bucket {
        public Instant start;
        @Schema(description = "Attempts answered 2xx")
        public long succeeded;
        @Schema(description = "Every other attempt: another status, a timeout, a network error")
        public long failed;
        @JsonbNillable
        @Schema(nullable = true, description = "Median attempt duration in ms (from a histogram: its bucket's upper bound, or the slowest attempt if lower); null without attempts")
        public Long p50Ms;
        @JsonbNillable
        @Schema(nullable = true, description = "95th percentile of attempt durations in ms, read the same way; null without attempts")
        public Long p95Ms;
    }

    static WebhookStatsJson of(String webhookId, StatsQuery query, List<MinuteStats> buckets) {
        WebhookStatsJson json = new WebhookStatsJson();
        json.webhookId = webhookId;
        json.from = query.from();
        json.to = query.to();
        json.bucket = query.bucket();
        json.buckets = buckets.stream().map(stats -> {
            Bucket bucket = new Bucket();
            bucket.start = stats.start();
            bucket.succeeded = stats.succeeded();
            bucket.failed = stats.failed();
            bucket.p50Ms = stats.percentileMs(0.5);
            bucket.p95Ms = stats.percentileMs(0.95);
            return bucket;
        }).toList();
        return json;
    }
}
