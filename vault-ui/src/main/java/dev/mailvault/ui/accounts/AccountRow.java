package dev.mailvault.ui.accounts;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.core.verify.CheckResult;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One line of the accounts table, computed once from the core's {@link AccountInfo}: the credential
 * shown is the one in the worst age band (the oldest among equals), the check shown is a failing
 * current-value check if there is one, else the newest of any value still in use.
 */
public record AccountRow(
        AccountInfo info,
        String provider,
        Period age,
        PasswordAge.Band band,
        Optional<CheckResult> lastCheck,
        int staleDevices) {

    public Address address() {
        return info.address();
    }

    public String displayName() {
        return info.spec().displayName();
    }

    static AccountRow of(AccountInfo info, String providerName, PasswordAge ages) {
        CredentialInfo shown = info.credentials().stream()
                .max(Comparator.comparing((CredentialInfo c) -> ages.band(c.changedAt(), c.policy()))
                        .thenComparing(CredentialInfo::changedAt, Comparator.reverseOrder()))
                .orElse(info.imapCredential());
        // a failing login with the current value matters most; otherwise the newest check, which
        // after a promotion is the one of the (then pending) value now in use
        // (checks of an abandoned new value are not among them)
        List<CheckResult> checks = info.checksOfValuesInUse(info.lastChecks());
        Optional<CheckResult> check = checks.stream()
                .filter(c -> c.credential() == CheckResult.Slot.CURRENT)
                .filter(c -> !c.ok())
                .max(Comparator.comparing(CheckResult::at))
                .or(() -> checks.stream().max(Comparator.comparing(CheckResult::at)));
        return new AccountRow(
                info,
                providerName,
                ages.age(shown.changedAt()),
                ages.band(shown.changedAt(), shown.policy()),
                check,
                info.staleDevices());
    }

    /**
     * This row once a new check result is in, before the vault is read again: the result takes the
     * place of the last one of its protocol and value, and the shown check follows the rule above.
     */
    AccountRow withCheck(CheckResult result, PasswordAge ages) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(result);
        info.lastChecks().stream()
                .filter(c -> c.protocol() != result.protocol() || c.credential() != result.credential())
                .forEach(checks::add);
        AccountInfo updated = new AccountInfo(
                info.id(),
                info.spec(),
                info.createdAt(),
                info.credentials(),
                info.pinnedImapCertSha256(),
                info.pinnedSmtpCertSha256(),
                List.copyOf(checks),
                info.staleDevices());
        return of(updated, provider, ages);
    }

    /** Whether the search text matches the address, the display name or the provider. */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return address().value().toLowerCase(java.util.Locale.ROOT).contains(q)
                || displayName().toLowerCase(java.util.Locale.ROOT).contains(q)
                || provider.toLowerCase(java.util.Locale.ROOT).contains(q);
    }
}
