package dev.mailvault.core.account;

import dev.mailvault.core.verify.CheckResult;
import java.time.Instant;
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
        return credentials.stream().filter(c -> c.ref().equals(ref)).findFirst();
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
}
