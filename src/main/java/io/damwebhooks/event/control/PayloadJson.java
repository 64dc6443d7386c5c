package io.damwebhooks.event.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The one {@link Jsonb} that writes every payload: the envelope ({@link Envelope}) and the filtered
 * asset with its changes ({@link PayloadBody}), each through its serializer, which writes straight to
 * JSON-B's generator (a default mapping of the records would cost reflection and, for metadata maps,
 * far more than the writing). Values of a DAM's own types inside metadata get JSON-B's default mapping.
 * Shared: a {@code Jsonb} is thread-safe and costly to make.
 */
final class PayloadJson {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withSerializers(new Envelope.Serializer(), new PayloadBody.Serializer()));

    private PayloadJson() { }
}
