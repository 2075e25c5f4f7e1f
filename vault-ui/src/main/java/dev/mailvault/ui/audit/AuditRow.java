package dev.mailvault.ui.audit;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.audit.AuditEntry;
import java.util.Objects;

/**
 * One line of the audit list: the core's entry (the account's reasons, most urgent first) and the
 * account itself, for the detail pane.
 */
public record AuditRow(AuditEntry entry, AccountInfo info) {
    public AuditRow {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(info, "info");
    }

    public Address address() {
        return entry.address();
    }
}
