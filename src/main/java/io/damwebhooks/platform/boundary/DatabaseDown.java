package io.damwebhooks.platform.boundary;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Recognises "the database cannot be reached" (or cannot write: out of space) in an exception chain, however the pool, Hibernate and
 * JTA wrapped it, so the API can answer 503 with {@code Retry-After} — the caller should retry, and
 * nothing was half-recorded because the transaction did not commit.
 */
final class DatabaseDown {

    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseDown() { }

    static boolean in(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t.getClass().getName().startsWith("jakarta.resource.")
                    || "08".equals(sqlStateClass(t))       // connection exception
                    || isShuttingDown(t)
                    || isOutOfSpace(t)) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Error in allocating a connection")) return true;
        }
        return false;
    }

    /**
     * The database cannot write: PostgreSQL's class 53 (disk full, out of memory, too many connections),
     * or H2's store failing to write its file (a full disk, a file size limit). Such a transaction did
     * not commit, and the database takes writes again once there is room: the caller should retry.
     */
    private static boolean isOutOfSpace(Throwable t) {
        return "53".equals(sqlStateClass(t)) || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                // the transaction manager could not commit: the database refused the write (a full disk)
                || t instanceof jakarta.transaction.SystemException;
    }

    /** PostgreSQL's 57P01–57P03: the server is shutting down or starting up. */
    private static boolean isShuttingDown(Throwable t) {
        return t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("57P");
    }

    private static String sqlStateClass(Throwable t) {
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return sql.getSQLState().substring(0, 2);
        }
        return null;
    }
}
