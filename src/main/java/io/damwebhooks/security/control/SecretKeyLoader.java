package io.damwebhooks.security.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
            if (!Files.exists(file)) generate(file);
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
        }
    }

    static void generate(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        // written aside and moved into place, so a second instance never reads a half-written key
        Path draft = Files.createTempFile(file.getParent(), "secrets", ".key");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's permissions protect it then
        }
        Files.writeString(draft, Base64.getEncoder().encodeToString(key));
        try {
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            Files.delete(draft);
            return;
        }
        LOG.warning(() -> "webhooks.secrets.key is not set: generated a new key in " + file
                + ". Back it up with the data; every instance that shares this database needs the same key.");
    }
}
