package io.damwebhooks.deliverylog.boundary;

import io.damwebhooks.platform.control.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of the delivery log: base64url of the last delivery id a page showed.
 * Opaque so clients pass it back rather than build it, and so the paging key may change later.
 */
public final class Cursor {

    private static final Pattern DELIVERY_ID = Pattern.compile("msg_[0-9A-Z]{26}");

    private Cursor() { }

    public static String after(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The delivery id a cursor stands for; a 400 naming {@code cursor} for anything this class did not make. */
    public static String lastId(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || !DELIVERY_ID.matcher(id).matches()) {
            throw new InvalidInput("cursor", "not a cursor this service gave out: pass back the \"next\" of the previous page");
        }
        return id;
    }
}
