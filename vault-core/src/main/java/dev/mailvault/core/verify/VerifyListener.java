package dev.mailvault.core.verify;

/**
 * Hears about checks as a {@link VerifyRunner} runs them (for a progress bar or a table filling
 * in). Calls come from the runner's threads, one at a time, never concurrently; keep them short.
 */
public interface VerifyListener {
    VerifyListener NONE = result -> {};

    /** A check is about to connect. */
    default void started(VerifyJob job) {}

    /** A check has its result; also called for jobs skipped by a cancellation. */
    void finished(JobResult result);
}
