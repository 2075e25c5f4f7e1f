package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ServerSettings;
import java.io.PrintWriter;

/**
 * Fills what the user left out from a provider's catalog entry: servers and login names. Options
 * always win. Says on standard error when the entry's settings are not confirmed, as the catalog
 * asks of every output that uses them, and when the provider takes no passwords at all.
 */
record ProviderDefaults(Provider provider, Endpoint imap, Endpoint smtp, String imapLogin, String smtpLogin) {

    static ProviderDefaults resolve(
            Provider provider,
            Address address,
            Endpoint imapOption,
            Endpoint smtpOption,
            String loginOption,
            String smtpLoginOption,
            Texts texts) {
        Endpoint imap = imapOption != null
                ? imapOption
                : provider.imap().map(ServerSettings::endpoint).orElse(null);
        Endpoint smtp = smtpOption != null
                ? smtpOption
                : provider.smtp().map(ServerSettings::endpoint).orElse(null);
        if (imap == null || smtp == null) {
            throw new UsageError(texts.get("err.endpointsRequired", address.domain()));
        }
        String login =
                loginOption != null ? loginOption : provider.imapLogin(address).orElse(null);
        if (login == null && provider.imap().isPresent()) {
            // the provider issues its own login name (docomo): nothing here can guess it
            throw new UsageError(texts.get("err.loginRequired", provider.name(texts.locale())));
        }
        String smtpLogin = smtpLoginOption != null
                ? smtpLoginOption
                : provider.smtpLogin(address).orElse(null);
        return new ProviderDefaults(provider, imap, smtp, login, smtpLogin);
    }

    /** Whether any server setting came from the catalog rather than the command line. */
    private boolean usesCatalog(Endpoint imapOption, Endpoint smtpOption) {
        return !provider.isGeneric() && (imapOption == null || smtpOption == null);
    }

    void warn(PrintWriter err, Texts texts, Endpoint imapOption, Endpoint smtpOption) {
        if (usesCatalog(imapOption, smtpOption)) {
            provider.unconfirmedNotice(texts.locale()).ifPresent(n -> err.println(texts.get("warn.note", n)));
        }
        if (provider.oauthOnly()) {
            err.println(texts.get("warn.oauthOnly", provider.name(texts.locale())));
        }
    }
}
