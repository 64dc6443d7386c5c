package io.damwebhooks.event.boundary;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A request body read up to a limit: a declared {@code Content-Length} above it is refused before
 * reading, and a body without one (chunked) is cut off as soon as it passes the limit, so a large
 * body never fills the heap.
 */
final class BoundedBody {

    private BoundedBody() { }

    static byte[] read(InputStream body, long declaredLength, int maxBytes) {
        if (declaredLength > maxBytes) throw tooLarge(maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                if (out.size() + n > maxBytes) throw tooLarge(maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ClientErrorException tooLarge(int maxBytes) {
        return new ClientErrorException("An event may have at most " + maxBytes
                + " bytes (webhooks.events.max-size).", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
