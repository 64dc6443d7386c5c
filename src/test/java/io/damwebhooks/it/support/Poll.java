package io.damwebhooks.it.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline: never a fixed sleep as synchronisation. */
public final class Poll {

    private Poll() { }

    /** Polls {@code value} until {@code done} holds for it, or fails after {@code within}. */
    public static <T> T until(Duration within, Supplier<T> value, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what + " (last seen: " + last + ")");
            }
            try {
                Thread.sleep(25); // the poll interval, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = value.get();
        }
        return last;
    }
}
