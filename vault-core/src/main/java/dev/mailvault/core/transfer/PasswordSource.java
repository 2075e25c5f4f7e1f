package dev.mailvault.core.transfer;

import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import java.util.Optional;

/**
 * Supplies a password the import file did not carry, typically by asking the person. Empty skips
 * the account. The returned secret is handed over: the import wipes it when done.
 */
@FunctionalInterface
public interface PasswordSource {
    Optional<Secret> passwordFor(PlannedAccount account, CredentialRef ref);

    /** Supplies nothing: accounts without passwords in the file are skipped. */
    static PasswordSource none() {
        return (account, ref) -> Optional.empty();
    }
}
