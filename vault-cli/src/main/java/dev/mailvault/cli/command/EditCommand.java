package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.RotationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault edit ADDRESS}: options not given keep their stored value. Every secret the change
 * needs is read before anything is written, so a failed read leaves the account as it was.
 */
@Command(name = "edit")
public final class EditCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Mixin
    private AccountOptions options;

    @Option(names = "--same-smtp-password")
    private boolean sameSmtpPassword;

    @Option(names = "--clear-ca-cert")
    private boolean clearCaCert;

    @Option(names = "--password")
    private boolean password;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = Completions.Kinds.class)
    private String kind;

    @Override
    public Integer call() {
        Address typed = address(addressText);
        if (!options.anySet() && !sameSmtpPassword && !clearCaCert && !password) {
            throw new UsageError(texts().get("err.nothingToEdit"));
        }
        if (options.separateSmtpPassword && sameSmtpPassword) {
            throw new UsageError(texts().get("err.conflict", "--separate-smtp-password", "--same-smtp-password"));
        }
        if (options.caCert != null && clearCaCert) {
            throw new UsageError(texts().get("err.conflict", "--ca-cert", "--clear-ca-cert"));
        }
        if (kind != null && !password) {
            throw new UsageError(texts().get("err.kindNeedsPassword"));
        }
        CredentialRef ref = kind == null ? CredentialRef.IMAP : credentialRef(kind);
        Endpoint imap = options.imap == null ? null : endpoint("--imap", options.imap);
        Endpoint smtp = options.smtp == null ? null : endpoint("--smtp", options.smtp);
        RotationPolicy policy = options.policy == null ? null : policy(options.policy);
        String caPem = clearCaCert ? "" : options.caCertPem(texts());
        // --provider changes the stored id only; servers change with --imap and --smtp
        String providerId = options.provider == null
                ? null
                : provider(catalog(), options.provider).id();

        try (VaultSession session = unlock()) {
            AccountInfo current = account(session, typed);
            AccountSpec old = current.spec();
            // found in any case; edit changes settings, never the stored spelling of the address
            Address address = old.address();
            boolean same = sameSmtpPassword || (!options.separateSmtpPassword && old.smtpSameAsImap());
            if (password && ref.kind() == CredentialKind.SMTP && same) {
                throw new UsageError(texts().get("err.smtpIsImap", address));
            }
            // a login for SMTP that only followed the IMAP login keeps following it
            boolean smtpLoginFollowed = old.smtpLogin().equals(old.imapLogin());
            AccountSpec updated = new AccountSpec(
                    address,
                    options.name != null ? options.name : old.displayName(),
                    providerId != null ? providerId : old.providerId(),
                    imap != null ? imap : old.imap(),
                    smtp != null ? smtp : old.smtp(),
                    options.login != null ? options.login : old.imapLogin(),
                    options.smtpLogin != null ? options.smtpLogin : smtpLoginFollowed ? null : old.smtpLogin(),
                    same,
                    caPem != null ? caPem : old.caCertPem(),
                    old.notes(),
                    policy != null ? policy : old.policy());
            boolean newSmtpSecretNeeded = old.smtpSameAsImap() && !same;
            try (Secret smtpSecret =
                            newSmtpSecretNeeded ? secrets().read(texts().get("what.smtpPassword", address)) : null;
                    Secret newValue = password ? secrets().read(describe(ref, address)) : null) {
                if (!updated.equals(old)) {
                    session.updateAccount(address, updated, smtpSecret);
                }
                if (newValue != null) {
                    session.setSecret(address, ref, newValue);
                }
            }
            out().println(texts().get("msg.edited", address));
            if (password) {
                out().println(texts().get("msg.secretStored", ref, address));
            }
        }
        return ExitCodes.OK;
    }

    private String describe(CredentialRef ref, Address address) {
        return switch (ref.kind()) {
            case IMAP -> texts().get("what.imapPassword", address);
            case SMTP -> texts().get("what.smtpPassword", address);
            case APP -> texts().get("what.appPassword", ref.label(), address);
            case PORTAL -> texts().get("what.portalPassword", address);
        };
    }
}
