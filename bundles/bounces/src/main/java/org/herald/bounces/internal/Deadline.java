package org.herald.bounces.internal;

/**
 * The time bound of the classification running on this thread. Herald's own parsing and rules
 * call {@link #check()} in every loop whose length depends on the input, so a hostile message is
 * abandoned at the deadline on the calling thread, without handing each message to another thread.
 * Outside a classification (tests of single helpers) there is no deadline and {@link #check()} does
 * nothing.
 */
public final class Deadline {

    /** Thrown by {@link #check()} once the deadline has passed. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("deadline exceeded", null, false, false);
        }
    }

    private static final ThreadLocal<long[]> UNTIL = new ThreadLocal<>();

    private Deadline() {
    }

    /** Starts a deadline on this thread; returns what to pass to {@link #end(long[])}. */
    static long[] start(long timeoutNanos) {
        long[] previous = UNTIL.get();
        UNTIL.set(new long[] {System.nanoTime() + timeoutNanos});
        return previous;
    }

    /** Ends this thread's deadline, restoring the one before it. */
    static void end(long[] previous) {
        if (previous == null) {
            UNTIL.remove();
        } else {
            UNTIL.set(previous);
        }
    }

    /** The nanoseconds left, or {@code Long.MAX_VALUE} without a deadline. */
    static long remainingNanos() {
        long[] u = UNTIL.get();
        return u == null ? Long.MAX_VALUE : u[0] - System.nanoTime();
    }

    /** Throws {@link Exceeded} when this thread's deadline has passed. */
    public static void check() {
        long[] u = UNTIL.get();
        if (u != null && System.nanoTime() - u[0] > 0) {
            throw new Exceeded();
        }
    }
}
