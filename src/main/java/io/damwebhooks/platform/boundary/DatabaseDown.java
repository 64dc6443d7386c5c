package io.damwebhooks.platform.boundary;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Recognises "the database cannot be reached" in an exception chain, however the pool, Hibernate and
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
                    || isShuttingDown(t)) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Error in allocating a connection")) return true;
        }
        return false;
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
