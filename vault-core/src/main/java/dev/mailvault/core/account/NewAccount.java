package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An account with all its credentials, for adding several at once. It holds exactly one IMAP
 * credential, an SMTP credential exactly when SMTP does not use the IMAP password, and any app and
 * portal credentials, each once.
 */
public record NewAccount(AccountSpec spec, List<NewCredential> credentials) {
    public NewAccount {
        Objects.requireNonNull(spec, "spec");
        credentials = List.copyOf(credentials);
        Set<CredentialRef> seen = new HashSet<>();
        for (NewCredential c : credentials) {
            if (!seen.add(c.ref())) {
                throw new BadInputException(spec.address() + ": the " + c.ref() + " password is given twice");
            }
        }
        if (!seen.contains(CredentialRef.IMAP)) {
            throw new BadInputException(spec.address() + ": an IMAP password is required");
        }
        if (spec.smtpSameAsImap() == seen.contains(CredentialRef.SMTP)) {
            throw new BadInputException(
                    spec.smtpSameAsImap()
                            ? spec.address() + ": SMTP uses the IMAP password, so no separate SMTP password is stored"
                            : spec.address() + ": a separate SMTP password was asked for but not given");
        }
    }
}
