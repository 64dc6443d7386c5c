package io.damwebhooks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInUsersTest {

    @TempDir
    Path home;

    @Test
    void theAdminAndThePublisherGetTheirRoles() {
        BuiltInUsers users = users(true, Optional.of("admin-secret-pw"));
        CredentialValidationResult admin = users.validate(new UsernamePasswordCredential("admin", "admin-secret-pw"));
        assertEquals(Status.VALID, admin.getStatus());
        assertEquals(Set.of(BuiltInUsers.ADMIN), admin.getCallerGroups());
        CredentialValidationResult publisher = users.validate(new UsernamePasswordCredential("dam", "publisher-secret-pw"));
        assertEquals(Status.VALID, publisher.getStatus());
        assertEquals(Set.of(BuiltInUsers.PUBLISHER), publisher.getCallerGroups());
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreInvalid() {
        BuiltInUsers users = users(true, Optional.of("admin-secret-pw"));
        assertEquals(Status.INVALID, users.validate(new UsernamePasswordCredential("admin", "publisher-secret-pw")).getStatus());
        assertEquals(Status.INVALID, users.validate(new UsernamePasswordCredential("dam", "admin-secret-pw")).getStatus());
        assertEquals(Status.INVALID, users.validate(new UsernamePasswordCredential("root", "admin-secret-pw")).getStatus());
        assertEquals(Status.INVALID, users.validate(new UsernamePasswordCredential("admin", "")).getStatus());
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedIntoTheHomeAndOnlyTheOwnerMayReadIt() throws IOException {
        BuiltInUsers users = users(true, Optional.empty());
        Path file = home.resolve("admin-password");
        assertTrue(Files.exists(file));
        String generated = Files.readString(file).trim();
        assertTrue(generated.length() >= 20, generated);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Status.VALID, users.validate(new UsernamePasswordCredential("admin", generated)).getStatus());
        assertEquals(generated, users(true, Optional.empty()).adminPassword.value(), "kept across restarts");
    }

    @Test
    void switchedOffTheBuiltInUsersValidateNobodySoAnotherStoreDecides() {
        BuiltInUsers users = users(false, Optional.of("admin-secret-pw"));
        assertEquals(Status.NOT_VALIDATED, users.validate(new UsernamePasswordCredential("admin", "admin-secret-pw")).getStatus());
        assertEquals(Status.NOT_VALIDATED, users.validate(new UsernamePasswordCredential("dam", "publisher-secret-pw")).getStatus());
    }

    @Test
    void switchedOffNoAdminPasswordFileIsGenerated() {
        AdminPassword password = new AdminPassword();
        password.configured = Optional.empty();
        password.home = home.toString();
        password.builtInUsers = false;
        password.generateAtStart(new Object());
        assertFalse(Files.exists(home.resolve("admin-password")));
    }

    @Test
    void aConfiguredPasswordShorterThanTwelveCharactersStopsTheStartNamingTheSettingNotThePassword() {
        ConfiguredPasswords passwords = new ConfiguredPasswords();
        passwords.builtInUsers = true;
        passwords.admin = Optional.of("elevenchars");
        passwords.publisher = Optional.of("publisher-secret-pw");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> passwords.checkAtStart(new Object()));
        assertTrue(refused.getMessage().startsWith("webhooks.admin.password is shorter than 12 characters"), refused.getMessage());
        assertFalse(refused.getMessage().contains("elevenchars"));
        passwords.admin = Optional.of("twelve-chars");
        passwords.publisher = Optional.of("pub-pw");
        assertTrue(assertThrows(IllegalStateException.class, () -> passwords.checkAtStart(new Object())).getMessage()
                .contains("webhooks.publisher.password"));
        passwords.publisher = Optional.empty();
        passwords.checkAtStart(new Object()); // twelve characters, and no publisher: starts
        passwords.admin = Optional.of("");
        passwords.checkAtStart(new Object()); // unset: the generated one
        passwords.admin = Optional.of("short");
        passwords.builtInUsers = false;
        passwords.checkAtStart(new Object()); // not used without the built-in users
    }

    private BuiltInUsers users(boolean enabled, Optional<String> adminPassword) {
        AdminPassword password = new AdminPassword();
        password.configured = adminPassword;
        password.home = home.toString();
        password.builtInUsers = enabled;
        password.generateAtStart(new Object()); // as the container does at start-up
        BuiltInUsers users = new BuiltInUsers();
        users.enabled = enabled;
        users.adminUser = "admin";
        users.adminPassword = password;
        users.publisherUser = Optional.of("dam");
        users.publisherPassword = Optional.of("publisher-secret-pw");
        return users;
    }
}
