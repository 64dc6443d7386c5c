package io.damwebhooks.event.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyUpToTheLimitIsRead() {
        byte[] body = new byte[100];
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), 100, 100));
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), -1, 100));
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedUnread() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read");
            }
        };
        assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(unread, 101, 100));
    }

    @Test
    void anUndeclaredBodyIsCutOffPastTheLimit() {
        InputStream endless = new InputStream() {
            long served;
            @Override
            public int read() {
                if (++served > 1_000_000) throw new AssertionError("read on past the limit");
                return 'a';
            }
        };
        assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(endless, -1, 100_000));
    }
}
