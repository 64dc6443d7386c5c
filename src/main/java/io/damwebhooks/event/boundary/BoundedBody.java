package io.damwebhooks.event.boundary;

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
        if (declaredLength > maxBytes) throw new TooLarge();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                if (out.size() + n > maxBytes) throw new TooLarge();
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The body passed the limit: answered 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
