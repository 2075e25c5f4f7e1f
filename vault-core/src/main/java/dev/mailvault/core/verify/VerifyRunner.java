package dev.mailvault.core.verify;

import dev.mailvault.core.BadInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs many checks at once: at most {@code parallel} in total and at most {@code perHost} against
 * one host (servers count connections per address and lock out clients that open many). Each
 * result goes to the listener as it arrives; {@link Run#cancel()} stops the rest. The runner's
 * threads end when a run ends.
 */
public final class VerifyRunner {
    public static final int DEFAULT_PARALLEL = 16;
    public static final int DEFAULT_PER_HOST = 4;

    private final LoginChecker checker;
    private final int parallel;
    private final int perHost;
    private final Clock clock;

    public VerifyRunner(LoginChecker checker, Clock clock) {
        this(checker, DEFAULT_PARALLEL, DEFAULT_PER_HOST, clock);
    }

    public VerifyRunner(LoginChecker checker, int parallel, int perHost, Clock clock) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (parallel < 1 || parallel > 256) {
            throw new BadInputException("--parallel must be between 1 and 256, was " + parallel);
        }
        if (perHost < 1 || perHost > 64) {
            throw new BadInputException("--per-host must be between 1 and 64, was " + perHost);
        }
        this.parallel = parallel;
        this.perHost = perHost;
    }

    /** Runs all jobs and returns their results in the order of {@code jobs}. */
    public List<JobResult> run(List<VerifyJob> jobs, VerifyListener listener) throws InterruptedException {
        Run run = start(jobs, listener);
        try {
            return run.await();
        } catch (InterruptedException e) {
            run.cancel();
            run.awaitUninterruptibly();
            throw e;
        }
    }

    /** Starts the jobs in the background; the returned handle waits for or cancels them. */
    public Run start(List<VerifyJob> jobs, VerifyListener listener) {
        Run run = new Run(List.copyOf(jobs), Objects.requireNonNull(listener, "listener"));
        run.startWorkers(Math.min(parallel, Math.max(1, jobs.size())));
        return run;
    }

    /** A run in progress. */
    public final class Run {
        private final List<VerifyJob> jobs;
        private final VerifyListener listener;
        private final JobResult[] results;
        private final boolean[] taken;
        private final Map<String, Integer> activePerHost = new HashMap<>();
        private final Cancellation cancellation = new Cancellation();
        private final List<Thread> workers = new ArrayList<>();
        private final Object listenerLock = new Object();
        private RuntimeException listenerFailure;
        private int remaining;

        private Run(List<VerifyJob> jobs, VerifyListener listener) {
            this.jobs = jobs;
            this.listener = listener;
            this.results = new JobResult[jobs.size()];
            this.taken = new boolean[jobs.size()];
            this.remaining = jobs.size();
        }

        private void startWorkers(int count) {
            for (int i = 0; i < count; i++) {
                Thread worker = new Thread(this::work, "mailvault-verify-" + (i + 1));
                worker.setDaemon(true);
                workers.add(worker);
            }
            workers.forEach(Thread::start);
        }

        /** Stops dispatching; running checks are aborted, the rest finish as SKIPPED. */
        public void cancel() {
            cancellation.cancel();
            synchronized (this) {
                notifyAll();
            }
        }

        public boolean isCancelled() {
            return cancellation.isCancelled();
        }

        public synchronized boolean isDone() {
            return remaining == 0;
        }

        /** Waits for every job; results are in the order of the jobs. */
        public List<JobResult> await() throws InterruptedException {
            for (Thread worker : workers) {
                worker.join();
            }
            return collect();
        }

        private void awaitUninterruptibly() {
            boolean interrupted = false;
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private List<JobResult> collect() {
            synchronized (listenerLock) {
                if (listenerFailure != null) {
                    throw listenerFailure;
                }
            }
            synchronized (this) {
                List<JobResult> out = new ArrayList<>(results.length);
                Collections.addAll(out, results);
                return out;
            }
        }

        private void work() {
            int index;
            while ((index = next()) >= 0) {
                VerifyJob job = jobs.get(index);
                CheckResult result;
                if (cancellation.isCancelled()) {
                    result = skipped(job, CheckTexts.Kind.CANCELLED_BEFORE_START.english());
                } else {
                    tell(() -> listener.started(job));
                    result = checkSafely(job);
                }
                finish(index, job, new JobResult(job, result));
            }
        }

        private CheckResult checkSafely(VerifyJob job) {
            try {
                return checker.check(job.target(), job.slot(), cancellation);
            } catch (RuntimeException e) {
                // one broken check must not stop the others; the message names the failure, never a secret
                return skipped(
                        job,
                        CheckTexts.Kind.FAILED_INTERNALLY.english(e.getClass().getSimpleName()));
            }
        }

        /** The index of a job this worker may run now, waiting while every host is at its limit; -1 when none is left. */
        private synchronized int next() {
            while (true) {
                boolean anyLeft = false;
                for (int i = 0; i < jobs.size(); i++) {
                    if (taken[i]) {
                        continue;
                    }
                    anyLeft = true;
                    String host = jobs.get(i).target().endpoint().host();
                    int active = activePerHost.getOrDefault(host, 0);
                    if (cancellation.isCancelled() || active < perHost) {
                        taken[i] = true;
                        activePerHost.put(host, active + 1);
                        return i;
                    }
                }
                if (!anyLeft) {
                    return -1;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    // the runner's own threads are only stopped through cancel()
                    cancellation.cancel();
                }
            }
        }

        private void finish(int index, VerifyJob job, JobResult result) {
            synchronized (this) {
                results[index] = result;
                activePerHost.merge(job.target().endpoint().host(), -1, Integer::sum);
                remaining--;
                notifyAll();
            }
            tell(() -> listener.finished(result));
        }

        private void tell(Runnable call) {
            synchronized (listenerLock) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    if (listenerFailure == null) {
                        listenerFailure = e;
                    }
                }
            }
        }

        private CheckResult skipped(VerifyJob job, String why) {
            VerifyTarget t = job.target();
            return new CheckResult(
                    t.protocol(),
                    job.slot(),
                    Outcome.SKIPPED,
                    t.endpoint().host(),
                    t.endpoint().port(),
                    "",
                    why,
                    "",
                    0,
                    clock.instant());
        }
    }
}
