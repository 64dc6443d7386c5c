package io.damwebhooks.it.security.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A DAM's own identity store, as a DAM that embeds the service brings one: user {@code editor} in group
 * {@code webhook-admin}. It logs every password it checks, so that a test can count the checks.
 */
@ApplicationScoped
public class CountingStore implements IdentityStore {

    public static final String USER = "editor";
    public static final String PASSWORD = "editor-secret-pw";
    public static final String CHECKED = "the DAM's store checked a password for ";

    private static final Logger LOG = Logger.getLogger(CountingStore.class.getName());

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given) || !given.getCaller().equals(USER)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LOG.info(CHECKED + given.getCaller());
        return given.getPasswordAsString().equals(PASSWORD)
                ? new CredentialValidationResult(USER, Set.of("webhook-admin")) : CredentialValidationResult.INVALID_RESULT;
    }
}
