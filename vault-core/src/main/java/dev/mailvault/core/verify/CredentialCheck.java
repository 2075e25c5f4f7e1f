package dev.mailvault.core.verify;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.util.Objects;

/** A check result together with the account and credential it tested. */
public record CredentialCheck(Address account, CredentialRef credential, CheckResult result) {
    public CredentialCheck {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(result, "result");
    }
}
