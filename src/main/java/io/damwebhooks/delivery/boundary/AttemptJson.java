package io.damwebhooks.delivery.boundary;

import io.damwebhooks.delivery.entity.Attempt;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt of a delivery, as the log shows it. */
@Schema(name = "Attempt")
@JsonbPropertyOrder({"number", "startedAt", "durationMs", "statusCode", "error", "responseBody"})
public class AttemptJson {

    @Schema(description = "1 for the first attempt; redeliveries continue the count")
    public int number;
    public Instant startedAt;
    public long durationMs;
    @JsonbNillable
    @Schema(nullable = true, description = "The receiver's HTTP status; null when it gave none")
    public Integer statusCode;
    @JsonbNillable
    @Schema(nullable = true, description = "Why there was no answer (timeout, refused address, token endpoint failure)")
    public String error;
    @JsonbNillable
    @Schema(nullable = true, description = "The first KiB of the receiver's answer")
    public String responseBody;

    public static AttemptJson of(Attempt attempt) {
        AttemptJson json = new AttemptJson();
        json.number = attempt.number;
        json.startedAt = attempt.startedAt;
        json.durationMs = attempt.durationMs;
        json.statusCode = attempt.statusCode;
        json.error = attempt.error;
        json.responseBody = attempt.responseBody;
        return json;
    }
}
