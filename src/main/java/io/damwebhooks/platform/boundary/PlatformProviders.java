package io.damwebhooks.platform.boundary;

import java.util.Set;

/** The JAX-RS providers every resource shares: body limit, strict JSON, and the mappers that answer with problem documents. */
public final class PlatformProviders {

    public static final Set<Class<?>> CLASSES = Set.of(BodyLimit.class, StrictJson.class,
            HttpErrorMapper.class, InvalidInputMapper.class, UnreadableBodyMapper.class, UnexpectedErrorMapper.class);

    private PlatformProviders() { }
}
