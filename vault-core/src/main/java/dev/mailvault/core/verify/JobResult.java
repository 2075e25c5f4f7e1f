package dev.mailvault.core.verify;

import java.util.Objects;

/** The result of one {@link VerifyJob}. */
public record JobResult(VerifyJob job, CheckResult result) {
    public JobResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(result, "result");
    }
}
