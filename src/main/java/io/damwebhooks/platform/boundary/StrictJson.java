package io.damwebhooks.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B the API reads and writes with: a property the API does not know is an error (a typo in
 * {@code "triggers"} must not silently create a webhook without them), a value of the wrong JSON type
 * is an error ({@link StrictTypes}), nulls are left out.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new StrictTypes.Strings(), new StrictTypes.Booleans(), new StrictTypes.Longs()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
