package dev.mailvault.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;

/**
 * Runs blocking work (Argon2, IMAP logins, the vault file) off the FX thread and hands the result
 * back on it. {@link #running()} counts tasks not yet finished, for busy indicators and tests.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();

    public Background() {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mailvault-ui-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Work that reports progress or checks for cancellation: a {@link Task} of the caller's own. */
    public <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        running.set(running.get() + 1);
        task.setOnSucceeded(e -> {
            running.set(running.get() - 1);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.set(running.get() - 1);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> running.set(running.get() - 1));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // the window is closing: the work is not done, and nobody is waiting for it
            running.set(running.get() - 1);
            onFailure.accept(new SerialSession.LockedException());
        }
        return task;
    }

    /** Runs {@code work} in the background; exactly one of the callbacks follows on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(
                new Task<>() {
                    @Override
                    protected T call() throws Exception {
                        return work.call();
                    }
                },
                onSuccess,
                onFailure);
    }

    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
