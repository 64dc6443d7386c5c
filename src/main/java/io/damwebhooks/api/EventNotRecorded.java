package io.damwebhooks.api;

/**
 * Thrown to the DAM from {@code Event.fire(…)} when an event could not be recorded for delivery — most
 * often because the database that keeps the outbox cannot be reached. The DAM's transaction is marked
 * for rollback before this is thrown, so the change that fired the event cannot commit unreported,
 * even if the DAM catches it. Map it to a retryable answer (e.g. HTTP 503).
 */
public class EventNotRecorded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AssetEvent event;

    public EventNotRecorded(AssetEvent event, Throwable cause) {
        super(event.type().wireName() + " of asset " + event.asset().uuid()
                + " could not be recorded for delivery, so the transaction that fired it is rolled back: " + rootMessage(cause), cause);
        this.event = event;
    }

    /** The event that was not recorded. */
    public AssetEvent event() {
        return event;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
