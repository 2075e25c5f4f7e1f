package dev.mailvault.core.remind;

import dev.mailvault.core.account.CredentialInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * When a credential last changed and how often it should: the two clear fields a locked vault can
 * give, enough to count what is due without naming anything.
 */
public record Schedule(Instant changedAt, RotationPolicy policy) {
    public Schedule {
        Objects.requireNonNull(changedAt, "changedAt");
        policy = policy == null ? RotationPolicy.DEFAULT : policy;
    }

    public static Schedule of(CredentialInfo credential) {
        return new Schedule(credential.changedAt(), credential.policy());
    }
}
