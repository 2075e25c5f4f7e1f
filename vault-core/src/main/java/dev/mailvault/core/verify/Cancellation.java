package dev.mailvault.core.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A way to stop checks that are running: {@link #cancel()} runs every registered action once (a
 * check registers one that closes its connection). Thread-safe.
 */
public final class Cancellation {
    private static final Cancellation NEVER = new Cancellation(false);

    private final boolean cancellable;
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public Cancellation() {
        this(true);
    }

    private Cancellation(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /** A cancellation that never happens. */
    public static Cancellation never() {
        return NEVER;
    }

    /** A registered action; closing it unregisters the action. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public void cancel() {
        if (!cancellable) {
            throw new UnsupportedOperationException("Cancellation.never() cannot be cancelled");
        }
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Registers {@code action}; runs it at once if already cancelled. */
    public Registration onCancel(Runnable action) {
        if (!cancellable) {
            return () -> {};
        }
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (Cancellation.this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> {};
    }
}
