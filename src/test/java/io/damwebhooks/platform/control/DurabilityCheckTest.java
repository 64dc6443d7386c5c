package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DurabilityCheckTest {

    @Test
    void postgresWithSynchronousCommitOffIsRefusedAndOnIsAccepted() throws Exception {
        // zonky's embedded PostgreSQL turns synchronous_commit off for speed: what the check is for
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Optional<String> refusal = DurabilityCheck.refusal(postgres.getPostgresDatabase());
            assertTrue(refusal.orElse("").contains("synchronous_commit = off"), refusal.toString());
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                admin.createStatement().execute("ALTER ROLE postgres SET synchronous_commit = on");
            }
            assertEquals(Optional.empty(), DurabilityCheck.refusal(postgres.getPostgresDatabase()));
        }
    }

    @Test
    void h2WithAWriteDelayIsRefusedAndTheDurableUrlIsAccepted() throws Exception {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("durability").resolve("w");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url + ";WRITE_DELAY=300");
        assertTrue(DurabilityCheck.refusal(h2).orElse("").contains("300 ms"));
        h2.setURL(DurableUrl.of(url));
        assertEquals(Optional.empty(), DurabilityCheck.refusal(h2));
    }

    @Test
    void anH2InMemoryHasNothingToLoseOnACrash() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:durability");
        assertEquals(Optional.empty(), DurabilityCheck.refusal(h2));
    }
}
