package org.advocategraph.store;

/**
 * A store failed to do what was asked: unreachable, refused credentials, a transaction that could not commit.
 * The message never contains credentials.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message   what failed, naming the store (its URI without credentials)
     * @param retryable true when trying again later may succeed (a transient failure)
     * @param cause     the underlying failure
     */
    public StoreException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** @return true when trying again later may succeed */
    public boolean retryable() {
        return retryable;
    }

    /** @return an exception for a store that cannot be reached at start-up */
    public static StoreException unreachable(String where, Throwable cause) {
        return new StoreException("cannot reach the graph store at " + where + ": " + rootMessage(cause), true, cause);
    }

    /** @return the message of the innermost cause, for one-line error reports */
    public static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        return m == null ? r.getClass().getSimpleName() : m;
    }
}
