package dev.mailvault.core.account;

import dev.mailvault.core.remind.RotationPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * What is known about one credential without revealing it. {@code suspect} is set on app
 * passwords after the account's main password changed (Google revokes them) until verified again.
 * {@code promotedUnverified} records a rotation the user promoted without a successful check.
 */
public record CredentialInfo(
        long id,
        CredentialRef ref,
        Instant changedAt,
        RotationPolicy policy,
        Optional<Instant> pendingSince,
        boolean suspect,
        boolean promotedUnverified,
        int historySize) {

    public boolean hasPending() {
        return pendingSince.isPresent();
    }
}
