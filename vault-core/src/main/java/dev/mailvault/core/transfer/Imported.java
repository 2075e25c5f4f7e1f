package dev.mailvault.core.transfer;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.util.List;

/** An account an import added, where it came from in the file, and which passwords it got. */
public record Imported(String source, Address address, List<CredentialRef> credentials) {
    public Imported {
        credentials = List.copyOf(credentials);
    }
}
