package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientDatabaseErrorTest {

    @Test
    void aLostConnectionOrAShutDownSessionDeepInTheChainIsTransient() {
        assertTrue(TransientDatabaseError.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientDatabaseError.isTransient(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(TransientDatabaseError.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(TransientDatabaseError.isTransient(wrapped(new SQLTransientConnectionException("pool empty"))));
        assertTrue(TransientDatabaseError.isTransient(wrapped(new SQLException("Connection is broken", "90067", 90067))));
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, 0, new int[0], null);
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertTrue(TransientDatabaseError.isTransient(wrapped(batch)), "the next exception of a batch counts");
    }

    @Test
    void aBadStatementOrAViolatedConstraintIsNot() {
        assertFalse(TransientDatabaseError.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientDatabaseError.isTransient(wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(TransientDatabaseError.isTransient(new IllegalStateException("no SQL at all")));
    }

    @Test
    void translateReplacesOnlyTransientErrors() {
        PersistenceException lost = wrapped(new SQLException("terminating connection", "57P01"));
        TransientDatabaseError error = assertThrows(TransientDatabaseError.class, () -> TransientDatabaseError.translate(() -> {
            throw lost;
        }));
        assertSame(lost, error.getCause());
        PersistenceException bad = wrapped(new SQLException("duplicate key", "23505"));
        assertSame(bad, assertThrows(PersistenceException.class, () -> TransientDatabaseError.translate(() -> {
            throw bad;
        })));
    }

    private static PersistenceException wrapped(SQLException sql) {
        return new PersistenceException("could not execute statement", new RuntimeException("JDBC", sql));
    }
}
