package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.delivery.entity.Attempt;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One attempt of a delivery, as the log shows it. */
@JsonbPropertyOrder({"number", "startedAt", "durationMs", "statusCode", "error", "responseBody"})
public class AttemptJson {

    public int number;
    public Instant startedAt;
    public long durationMs;
    @JsonbNillable
    public Integer statusCode;
    @JsonbNillable
    public String error;
    @JsonbNillable
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
