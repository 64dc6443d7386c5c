package io.damwebhooks.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin's password: {@code webhooks.admin.password} when set. Otherwise, as Jenkins does, a
 * random one is generated on first start into {@code admin-password} under {@code webhooks.home}
 * (owner-readable only); the log names the file, never the password.
 */
@ApplicationScoped
public class AdminPassword {

    private static final Logger LOG = Logger.getLogger(AdminPassword.class.getName());

    @Inject
    @ConfigProperty(name = "webhooks.admin.password")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "webhooks.home")
    String home;

    @Inject
    @ConfigProperty(name = "webhooks.security.built-in-users", defaultValue = "true")
    boolean builtInUsers;

    private volatile String value;

    /** At start-up, so that the generated password's file exists before anybody needs it. */
    void generateAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // without built-in users nobody could log in with it: a file would only mislead
        if (builtInUsers) value();
    }

    /**
     * Read (or generated) on first use, not in a {@code @PostConstruct}: calling the start-up observer
     * creates this bean, and with the built-in users switched off it must not write the file.
     */
    public String value() {
        String known = value;
        if (known == null) {
            synchronized (this) {
                if (value == null) value = configured.filter(p -> !p.isEmpty()).orElseGet(this::generatedOnce);
                known = value;
            }
        }
        return known;
    }

    private String generatedOnce() {
        Path file = Path.of(home, "admin-password");
        try {
            if (Files.exists(file)) return Files.readString(file).trim();
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String ours = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // owner-only from the first byte, and never replacing what another start wrote
            String kept = OwnerOnlyFile.createOnce(file, ours);
            if (kept.equals(ours)) LOG.warning(() -> "webhooks.admin.password is not set: generated one into " + file);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
