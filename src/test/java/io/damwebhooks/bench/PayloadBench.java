package io.damwebhooks.bench;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetUploaded;
import io.damwebhooks.api.Metadata;
import io.damwebhooks.event.control.PayloadBuilder;
import io.damwebhooks.webhook.entity.PayloadField;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * µs to build one body for an image with 200 metadata entries, for the smallest and the fullest field
 * selection: a fresh builder per body, so nothing is reused from an earlier call. Run by bench/run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PayloadBench {

    static final List<String> SMALLEST = List.of("file.uuid");
    static final List<String> FULLEST = Arrays.stream(PayloadField.values()).map(PayloadField::selector).toList();

    AssetUploaded event;

    @Setup
    public void asset() {
        Map<String, Object> system = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Object> embedded = new LinkedHashMap<>();
        for (int i = 0; i < 70; i++) custom.put("field" + i, "a custom value number " + i);
        for (int i = 0; i < 65; i++) system.put("sys" + i, i % 2 == 0 ? "hash-" + i : i);
        for (int i = 0; i < 65; i++) embedded.put("Exif.Tag" + i, List.of("value " + i, i));
        Asset asset = new Asset("0f8e4c9a-uuid", "beach.jpg", 48211L, "/summer/beach.jpg", "image/jpeg",
                "https://cdn.example.com/summer/beach.jpg", 1920, 1080, null, null, null,
                new Metadata(system, custom, embedded));
        event = new AssetUploaded("evt-bench", Instant.parse("2026-11-29T10:00:00Z"), asset);
    }

    @Benchmark
    public String smallestSelection() {
        return PayloadBuilder.of(event, "evt-bench").body("wh_1", "PIM sync", SMALLEST);
    }

    @Benchmark
    public String fullestSelection() {
        return PayloadBuilder.of(event, "evt-bench").body("wh_1", "PIM sync", FULLEST);
    }
}
