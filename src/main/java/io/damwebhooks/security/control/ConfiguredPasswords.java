package io.damwebhooks.security.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a configured admin or publisher password shorter than {@value #MIN_LENGTH}
 * characters: a short password falls to guessing even when guesses are slowed. The generated admin
 * password is long enough; with the built-in users switched off the settings are not used and not checked.
 */
@ApplicationScoped
public class ConfiguredPasswords {

    static final int MIN_LENGTH = 12;

    @Inject
    @ConfigProperty(name = "webhooks.security.built-in-users", defaultValue = "true")
    boolean builtInUsers;

    @Inject
    @ConfigProperty(name = "webhooks.admin.password")
    Optional<String> admin;

    @Inject
    @ConfigProperty(name = "webhooks.publisher.password")
    Optional<String> publisher;

    /** Before anything else starts: the deployment fails with the message. */
    void checkAtStart(@Observes @Priority(0) @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!builtInUsers) return;
        check("webhooks.admin.password", admin);
        check("webhooks.publisher.password", publisher);
    }

    static void check(String key, Optional<String> password) {
        // empty counts as unset (the admin's is generated then), as BuiltInUsers and AdminPassword read it
        if (password.isEmpty() || password.get().isEmpty() || password.get().length() >= MIN_LENGTH) return;
        throw new IllegalStateException(key + " is shorter than " + MIN_LENGTH + " characters: set a longer one ("
                + key.toUpperCase().replace('.', '_').replace('-', '_') + ")"
                + (key.startsWith("webhooks.admin") ? ", or leave it unset for a generated one" : "") + ".");
    }
}
