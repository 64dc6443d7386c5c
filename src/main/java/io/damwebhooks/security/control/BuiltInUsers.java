package io.damwebhooks.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two built-in users: {@code webhooks.admin.*} with role {@code webhook-admin} and
 * {@code webhooks.publisher.*} with role {@code event-publisher}. Groups are named like the roles.
 * When no admin password is configured, {@link AdminPassword} generates one on first start. With
 * {@code webhooks.security.built-in-users=false} this store validates nobody (NOT_VALIDATED, so
 * another store of the application decides) and no admin password is generated.
 */
@ApplicationScoped
public class BuiltInUsers implements IdentityStore {

    public static final String ADMIN = "webhook-admin";
    public static final String PUBLISHER = "event-publisher";

    /** Off when the deployer's own identity store (the server's realm, LDAP, a database) decides alone. */
    @Inject
    @ConfigProperty(name = "webhooks.security.built-in-users", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "webhooks.admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    AdminPassword adminPassword;

    @Inject
    @ConfigProperty(name = "webhooks.publisher.user")
    Optional<String> publisherUser;

    @Inject
    @ConfigProperty(name = "webhooks.publisher.password")
    Optional<String> publisherPassword;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!enabled || !(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (matches(given, Optional.of(adminUser), Optional.of(adminPassword.value()))) {
            return new CredentialValidationResult(given.getCaller(), Set.of(ADMIN));
        }
        if (matches(given, publisherUser, publisherPassword)) {
            return new CredentialValidationResult(given.getCaller(), Set.of(PUBLISHER));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private static boolean matches(UsernamePasswordCredential given, Optional<String> user, Optional<String> password) {
        if (user.isEmpty() || password.isEmpty() || password.get().isEmpty()) return false;
        // both compared in constant time, and both always compared, so timing tells nothing
        boolean userMatches = MessageDigest.isEqual(bytes(user.get()), bytes(given.getCaller()));
        boolean passwordMatches = MessageDigest.isEqual(bytes(password.get()), bytes(given.getPasswordAsString()));
        return userMatches & passwordMatches;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
