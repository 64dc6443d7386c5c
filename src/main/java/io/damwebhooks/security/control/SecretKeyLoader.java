package io.damwebhooks.security.control;

import jakarta.annotation.Priority;
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
 * Loads the AES key for secrets at rest: {@code webhooks.secrets.key} when set (several instances
 * must share one), otherwise a key generated on first start and kept in {@code secrets.key} beside
 * the data under {@code webhooks.home}, readable by the owner only.
 */
@ApplicationScoped
public class SecretKeyLoader {

    private static final Logger LOG = Logger.getLogger(SecretKeyLoader.class.getName());

    @Inject
    @ConfigProperty(name = "webhooks.secrets.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "webhooks.home")
    String home;

    void load(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Secrets.install(new SecretCipher(key()));
    }

    byte[] key() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            return Base64.getDecoder().decode(configuredKey.get().trim());
        }
        Path file = Path.of(home, "secrets.key");
        try {
            return Base64.getDecoder().decode(Files.exists(file) ? Files.readString(file).trim() : generate(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
        }
    }

    /** A new key into {@code file}, unless another start was first: then its key, which both then use. */
    static String generate(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String ours = Base64.getEncoder().encodeToString(key);
        String kept = OwnerOnlyFile.createOnce(file, ours);
        if (kept.equals(ours)) {
            LOG.warning(() -> "webhooks.secrets.key is not set: generated a new key in " + file
                    + ". Back it up with the data; every instance that shares this database needs the same key.");
        }
        return kept;
    }
}
