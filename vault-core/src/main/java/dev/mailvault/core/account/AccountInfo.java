package dev.mailvault.core.account;

import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Protocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One account as stored, without secrets. {@code lastChecks} holds the newest check per protocol
 * and credential slot; {@code staleDevices} counts devices that need the current value re-entered.
 */
public record AccountInfo(
        long id,
        AccountSpec spec,
        Instant createdAt,
        List<CredentialInfo> credentials,
        String pinnedImapCertSha256,
        String pinnedSmtpCertSha256,
        List<CheckResult> lastChecks,
        int staleDevices) {

    public Address address() {
        return spec.address();
    }

    public Optional<CredentialInfo> credential(CredentialRef ref) {
        // a loop, not a stream: list and audit ask this of every account, mostly before the JIT
        for (CredentialInfo c : credentials) {
            if (c.ref().equals(ref)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The credential that logs in to IMAP. */
    public CredentialInfo imapCredential() {
        return credential(CredentialRef.IMAP).orElseThrow();
    }

    /** The credential that logs in to SMTP: the IMAP one when they are the same. */
    public CredentialInfo smtpCredential() {
        return spec.smtpSameAsImap()
                ? imapCredential()
                : credential(CredentialRef.SMTP).orElseThrow();
    }

    /** The credential that logs in with {@code protocol}. */
    public CredentialInfo credentialFor(Protocol protocol) {
        return protocol == Protocol.IMAP ? imapCredential() : smtpCredential();
    }

    /**
     * Those of {@code checks} (this account's) that speak of values still in use. A check of the
     * current value always does. A check of the pending slot does while that value is pending and
     * was made since it was stored; the success that promoted today's value (a verified promotion
     * follows right after it) is given back as a check of the current value. Checks of an
     * abandoned or earlier pending value are left out.
     */
    public List<CheckResult> checksOfValuesInUse(List<CheckResult> checks) {
        List<CheckResult> out = new ArrayList<>();
        for (CheckResult check : checks) {
            CredentialInfo credential = credentialFor(check.protocol());
            if (check.credential() == Slot.CURRENT) {
                out.add(check);
            } else if (credential
                    .pendingSince()
                    .filter(since -> !check.at().isBefore(since))
                    .isPresent()) {
                out.add(check);
            } else if (check.ok()
                    && !credential.hasPending()
                    && !credential.promotedUnverified()
                    && credential.historySize() > 0
                    && !check.at().isAfter(credential.changedAt())) {
                out.add(new CheckResult(
                        check.protocol(),
                        Slot.CURRENT,
                        check.outcome(),
                        check.host(),
                        check.port(),
                        check.code(),
                        check.message(),
                        check.alert(),
                        check.millis(),
                        check.at()));
            }
        }
        return out;
    }
}
