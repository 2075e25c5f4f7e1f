package dev.mailvault.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * The accounts that need attention, most urgent first, out of {@code accountsAudited} accounts,
 * as of {@code at}. Holds no secret.
 */
public record AuditReport(Instant at, int accountsAudited, List<AuditEntry> entries) {
    public AuditReport {
        entries = List.copyOf(entries);
    }

    /** Nothing needs attention. */
    public boolean clean() {
        return entries.isEmpty();
    }

    public int flagCount() {
        return entries.stream().mapToInt(e -> e.flags().size()).sum();
    }
}
