package io.damwebhooks.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * A real PostgreSQL for tests, as production runs it: zonky's builder turns {@code synchronous_commit}
 * off for speed, and the service refuses to start on that (a commit it acknowledged could be lost).
 */
public final class DurablePostgres {

    private DurablePostgres() { }

    public static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on");
    }

    public static EmbeddedPostgres start() throws IOException {
        return builder().start();
    }
}
