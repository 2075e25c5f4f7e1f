package dev.mailvault.core.verify;

import java.util.Objects;

/**
 * One check for {@link VerifyRunner}: a target, which value of the credential it holds, and a key
 * of the caller's choosing (for example {@code "alice@example.com imap current"}) to tell results
 * apart.
 */
public record VerifyJob(String key, VerifyTarget target, CheckResult.Slot slot) {
    public VerifyJob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(slot, "slot");
    }
}
