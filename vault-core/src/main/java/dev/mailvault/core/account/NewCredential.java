package dev.mailvault.core.account;

import dev.mailvault.core.crypto.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential of an account being added in bulk. {@code changedAt} is when the value was last
 * changed as far as the source knows (an import carries the password's age over); empty means now.
 * The secret stays owned by the caller.
 */
public record NewCredential(CredentialRef ref, Secret value, Optional<Instant> changedAt) {
    public NewCredential {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(value, "value");
        changedAt = changedAt == null ? Optional.empty() : changedAt;
    }

    public NewCredential(CredentialRef ref, Secret value) {
        this(ref, value, Optional.empty());
    }
}
