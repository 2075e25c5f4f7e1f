package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.remind.RotationPolicy;
import java.util.Objects;

/**
 * What the user says about an account when adding or editing it. {@code smtpSameAsImap} means one
 * secret serves both protocols and rotates once. {@code caCertPem} is an optional CA certificate
 * (PEM) trusted for this account only.
 */
public record AccountSpec(
        Address address,
        String displayName,
        String providerId,
        Endpoint imap,
        Endpoint smtp,
        String imapLogin,
        String smtpLogin,
        boolean smtpSameAsImap,
        String caCertPem,
        String notes,
        RotationPolicy policy) {

    public AccountSpec {
        Objects.requireNonNull(address, "address");
        if (imap == null || smtp == null) {
            throw new BadInputException("IMAP and SMTP servers are required for " + address
                    + " (the provider is not in the catalog: give --imap HOST:PORT and --smtp HOST:PORT)");
        }
        displayName = displayName == null ? "" : displayName.strip();
        providerId = providerId == null || providerId.isBlank() ? "generic" : providerId.strip();
        imapLogin = imapLogin == null || imapLogin.isBlank() ? address.value() : imapLogin.strip();
        smtpLogin = smtpLogin == null || smtpLogin.isBlank() ? imapLogin : smtpLogin.strip();
        caCertPem = caCertPem == null ? "" : caCertPem;
        notes = notes == null ? "" : notes;
        policy = policy == null ? RotationPolicy.DEFAULT : policy;
    }
}
