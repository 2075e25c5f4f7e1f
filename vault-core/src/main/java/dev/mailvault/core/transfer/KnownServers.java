package dev.mailvault.core.transfer;

import dev.mailvault.core.account.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider catalog knows about an address: the provider, its domains (to tell its web
 * pages from other sites), its servers, and the login names it wants when it can derive them.
 */
public record KnownServers(
        String providerId,
        List<String> domains,
        Endpoint imap,
        Endpoint smtp,
        Optional<String> imapLogin,
        Optional<String> smtpLogin) {

    public KnownServers {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        domains = List.copyOf(domains);
        imapLogin = imapLogin == null ? Optional.empty() : imapLogin;
        smtpLogin = smtpLogin == null ? Optional.empty() : smtpLogin;
    }
}
