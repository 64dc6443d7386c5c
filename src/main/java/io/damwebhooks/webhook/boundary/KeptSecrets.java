package io.damwebhooks.webhook.boundary;

import io.damwebhooks.platform.control.FieldError;
import java.util.List;

/**
 * Which write-only values a PUT may leave out. A left-out password, token or secret header value keeps
 * its stored value only while it would go where it went before: when a PUT moves the webhook (scheme,
 * host or port) or its OAuth2 token endpoint, whoever edits the webhook could otherwise have the stored
 * secret sent to a host of their choosing, so it must be given again.
 */
final class KeptSecrets {

    static final String GIVE_AGAIN = "must be given again: the target changed, and a stored secret is only sent where it went before";

    private final boolean sameTarget;

    KeptSecrets(boolean sameTarget) {
        this.sameTarget = sameTarget;
    }

    /** Whether stored secrets may still be sent: the target is the same, and so is {@code also} (a token endpoint). */
    KeptSecrets and(boolean also) {
        return new KeptSecrets(sameTarget && also);
    }

    /**
     * The value to store: the given one, else the stored one when it may be kept ({@code sameKind}: it
     * belongs to what the PUT keeps, e.g. the same auth type), else null — with an error saying it must be
     * given again when only the move stood in the way.
     */
    String value(String field, String given, String stored, boolean sameKind, List<FieldError> errors) {
        if (given != null) return given;
        if (stored == null || !sameKind) return null;
        if (sameTarget) return stored;
        errors.add(new FieldError(field, GIVE_AGAIN));
        return null;
    }

    /** Whether an error for {@code field} was already reported, so that "is required" does not repeat it. */
    static boolean reported(String field, List<FieldError> errors) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
