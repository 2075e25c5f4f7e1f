package dev.mailvault.core.audit;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.Provider;
import java.util.List;
import java.util.Objects;

/**
 * One account that needs attention, with the provider it is stored with and every reason, most
 * urgent first. Never empty. {@code oneMailPassword}: its IMAP password serves SMTP too, so the
 * texts name it "the password (IMAP and SMTP)".
 */
public record AuditEntry(Address address, Provider provider, boolean oneMailPassword, List<AuditFlag> flags) {
    public AuditEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        flags = List.copyOf(flags);
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("an audit entry needs at least one flag");
        }
    }

    /** The most urgent reason. */
    public FlagCode worst() {
        return flags.get(0).code();
    }

    public boolean has(FlagCode code) {
        return flags.stream().anyMatch(f -> f.code() == code);
    }
}
