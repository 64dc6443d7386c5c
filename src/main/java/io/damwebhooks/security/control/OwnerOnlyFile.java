package io.damwebhooks.security.control;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of generated secrets (the secrets key, the admin password), created once and readable by its
 * owner only from the first byte: written into a temporary file (which Java creates owner-only), then
 * linked into place — a create-exclusive step that fails when the file exists, so that two first starts
 * on one home never replace each other's file, and nobody reads it half-written. The loser reads what won.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() { }

    /** Creates {@code file} with {@code content} unless it exists; answers what it holds now, trimmed. */
    static String createOnce(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Path draft = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".draft");
            try {
                Files.writeString(draft, content);
                link(file, draft);
            } finally {
                Files.deleteIfExists(draft);
            }
        }
        return Files.readString(file).trim();
    }

    private static void link(Path file, Path draft) throws IOException {
        try {
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherStartWasFirst) {
            // what it wrote is the one
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noHardLinks) {
            try {
                Files.move(draft, file); // without REPLACE_EXISTING: refuses to replace another start's file
            } catch (FileAlreadyExistsException anotherStartWasFirst) {
                // what it wrote is the one
            }
        }
    }
}
