package io.damwebhooks.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.sql.SQLException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;

class DatabaseDownTest {

    @Test
    void aDatabaseThatCannotWriteIsDownForNow() {
        MVStoreException h2 = new MVStoreException(2, "Writing to … failed");
        h2.initCause(new IOException("No space left on device"));
        assertTrue(DatabaseDown.in(new PersistenceException(new SQLException("General error", "HY000", 50000, h2))));
        assertTrue(DatabaseDown.in(new PersistenceException(new SQLException("could not extend file", "53100"))));
        SystemException commit = new SystemException("commit failed");
        assertTrue(DatabaseDown.in(new PersistenceException("Not committed", new TransactionalException("during commit", commit))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseDown.in(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseDown.in(new IllegalStateException("a bug")));
    }
}
