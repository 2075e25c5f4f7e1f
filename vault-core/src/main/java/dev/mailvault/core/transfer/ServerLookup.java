package dev.mailvault.core.transfer;

import dev.mailvault.core.account.Address;
import java.util.Optional;

/** Finds the mail servers of an address's provider; empty for a domain nobody knows. */
@FunctionalInterface
public interface ServerLookup {
    Optional<KnownServers> find(Address address);

    /** Knows no provider: only servers named in the file count. */
    static ServerLookup none() {
        return address -> Optional.empty();
    }
}
