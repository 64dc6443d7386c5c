package io.damwebhooks.it.events.dam;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Test only: {@link FakeDamResource} under {@code /api/test-dam}. The service's own application lists
 * its classes and serves no others, as a DAM's application beside it would.
 */
@ApplicationPath("api/test-dam")
public class FakeDamApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(FakeDamResource.class);
    }
}
