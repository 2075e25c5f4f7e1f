package dev.mailvault.core.transfer;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import java.util.Optional;

/** Finds the mail servers of an address's provider; empty for a domain nobody knows. */
@FunctionalInterface
public interface ServerLookup {
    Optional<KnownServers> find(Address address);

    /** The provider catalog's entry for the address's domain (the generic entry does not count). */
    static ServerLookup of(ProviderCatalog catalog) {
        return address -> catalog.find(address)
                .filter(p -> p.imap().isPresent() && p.smtp().isPresent())
                .map(p -> known(p, address));
    }

    /** Knows no provider: only servers named in the file count. */
    static ServerLookup none() {
        return address -> Optional.empty();
    }

    private static KnownServers known(Provider p, Address address) {
        return new KnownServers(
                p.id(),
                p.domains(),
                p.imap().orElseThrow().endpoint(),
                p.smtp().orElseThrow().endpoint(),
                p.imapLogin(address),
                p.smtpLogin(address));
    }
}
