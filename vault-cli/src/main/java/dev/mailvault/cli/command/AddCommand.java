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
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vault add ADDRESS}: servers and login names default from the provider catalog (by the
 * address's domain, or {@code --provider}); everything typed on the command line is checked before the master
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
        Endpoint imapOption = options.imap == null ? null : endpoint("--imap", options.imap);
        Endpoint smtpOption = options.smtp == null ? null : endpoint("--smtp", options.smtp);
        RotationPolicy policy = options.policy == null ? null : policy(options.policy);
        ProviderCatalog catalog = catalog();
        Provider provider = options.provider != null ? provider(catalog, options.provider) : catalog.lookup(address);
        ProviderDefaults defaults = ProviderDefaults.resolve(
                provider, address, imapOption, smtpOption, options.login, options.smtpLogin, texts());
        AccountSpec spec = new AccountSpec(
                address,
                options.name,
                provider.id(),
                defaults.imap(),
                defaults.smtp(),
                defaults.imapLogin(),
                defaults.smtpLogin(),
                !options.separateSmtpPassword,
                options.caCertPem(texts()),
                null,
                policy);
        defaults.warn(err(), texts(), imapOption, smtpOption);
        AccountInfo added;
        try (VaultSession session = unlock()) {
            if (session.findAccount(address).isPresent()) {
                throw new UsageError(texts().get("err.accountExists", address));
            }
            if (!provider.isGeneric() && context().terminal().interactive()) {
                // which password the provider wants is the question people get wrong most
                err().println(texts().get(
                                "msg.passwordKind",
                                provider.name(texts().locale()),
                                provider.passwordKindDescription(texts().locale())));
            }
            try (Secret imapSecret = secrets().read(texts().get("what.imapPassword", address));
                    Secret smtpSecret = options.separateSmtpPassword
                            ? secrets().read(texts().get("what.smtpPassword", address))
                            : null) {
                added = session.addAccount(spec, imapSecret, smtpSecret);
            }
        }
        AccountSpec stored = added.spec();
        out().println(texts().get("msg.added", address, provider.name(texts().locale()), stored.imap(), stored.smtp()));
        return ExitCodes.OK;
    }
}
