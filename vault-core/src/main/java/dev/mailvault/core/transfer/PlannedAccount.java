package dev.mailvault.core.transfer;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.util.List;

/**
 * An account an import file describes, before anything is written. {@code credentials} are all it
 * will get; {@code missingPasswords} are those the file did not carry (a Thunderbird profile's),
 * which the caller supplies through a {@link PasswordSource}.
 */
public record PlannedAccount(
        String source, AccountSpec spec, List<CredentialRef> credentials, List<CredentialRef> missingPasswords) {
    public PlannedAccount {
        credentials = List.copyOf(credentials);
        missingPasswords = List.copyOf(missingPasswords);
    }

    public Address address() {
        return spec.address();
    }
}
