package io.damwebhooks.platform.control;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A database error that may be gone in a moment — a connection lost or refused for now, a
 * serialization failure, a deadlock, a server shutting a session down — thrown in place of the
 * persistence exception that carried it, so that Fault Tolerance's {@code @Retry} can tell it apart
 * ({@code retryOn} matches exception classes, not SQL states deep in a cause chain).
 */
public class TransientDatabaseError extends RuntimeException {

    TransientDatabaseError(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }

    /** Runs {@code work}; a transient database error it throws comes out as this exception. */
    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw isTransient(e) ? new TransientDatabaseError(e) : e;
        }
    }

    /** Whether an SQL error in the cause chain says that trying again may work. */
    static boolean isTransient(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) return true;
            if (t instanceof SQLException sql) {
                int links = 0; // a chain of next exceptions may loop
                for (SQLException next = sql; next != null && links++ < 100; next = next.getNextException()) {
                    if (transientState(next.getSQLState()) || next.getErrorCode() == H2_CONNECTION_BROKEN) return true;
                }
            }
        }
        return false;
    }

    /** H2's "connection broken". */
    private static final int H2_CONNECTION_BROKEN = 90067;

    /**
     * Class 08 (connection exception), 40001 (serialization failure), 40P01 (deadlock), 53300 (too many
     * connections), 57P01–57P03 (the server shut the session down, crashed, or is starting).
     */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.equals("53300") || state.startsWith("57P0"));
    }
}
