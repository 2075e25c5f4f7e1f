package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.RotationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vault add ADDRESS}: everything typed on the command line is checked before the master
 * password is asked; the account's password(s) are read only once the address is known to be new.
 */
@Command(name = "add")
public final class AddCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Mixin
    private AccountOptions options;

    @Override
    public Integer call() {
        Address address = address(addressText);
        Endpoint imap = options.imap == null ? null : endpoint("--imap", options.imap);
        Endpoint smtp = options.smtp == null ? null : endpoint("--smtp", options.smtp);
        if (imap == null || smtp == null) {
            throw new UsageError(texts().get("err.endpointsRequired", address.domain()));
        }
        RotationPolicy policy = options.policy == null ? null : policy(options.policy);
        AccountSpec spec = new AccountSpec(
                address,
                options.name,
                options.provider,
                imap,
                smtp,
                options.login,
                options.smtpLogin,
                !options.separateSmtpPassword,
                options.caCertPem(texts()),
                null,
                policy);
        AccountInfo added;
        try (VaultSession session = unlock()) {
            if (session.findAccount(address).isPresent()) {
                throw new UsageError(texts().get("err.accountExists", address));
            }
            try (Secret imapSecret = secrets().read(texts().get("what.imapPassword", address));
                    Secret smtpSecret = options.separateSmtpPassword
                            ? secrets().read(texts().get("what.smtpPassword", address))
                            : null) {
                added = session.addAccount(spec, imapSecret, smtpSecret);
            }
        }
        AccountSpec stored = added.spec();
        out().println(texts().get("msg.added", address, stored.imap(), stored.smtp()));
        return ExitCodes.OK;
    }
}
