package io.damwebhooks.it.log;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Test only: {@link SeedResource} under {@code /api/test-seed}. The service's own application lists
 * its classes and serves no others, as a DAM's application beside it would.
 */
@ApplicationPath("api/test-seed")
public class SeedApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SeedResource.class);
    }
}
