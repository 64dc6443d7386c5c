package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.deliverylog.control.MinuteStats;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A webhook's attempts per bucket, oldest first, every bucket of the span listed. */
@JsonbPropertyOrder({"webhookId", "from", "to", "bucket", "buckets"})
public class WebhookStatsJson {

    public String webhookId;
    public Instant from;
    public Instant to;
    public String bucket;
    public List<Bucket> buckets;

    @JsonbPropertyOrder({"start", "succeeded", "failed", "p50Ms", "p95Ms"})
    public static class Bucket {
        public Instant start;
        public long succeeded;
        public long failed;
        @JsonbNillable
        public Long p50Ms;
        @JsonbNillable
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
