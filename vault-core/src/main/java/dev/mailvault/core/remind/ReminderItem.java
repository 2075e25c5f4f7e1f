package dev.mailvault.core.remind;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One credential with a due date, named: only available from an unlocked vault. {@code daysLeft}
 * counts calendar days from today to the due date: 0 when due today, negative when overdue.
 */
public record ReminderItem(
        Address address,
        CredentialRef credential,
        Instant changedAt,
        RotationPolicy policy,
        LocalDate dueDate,
        ReminderStatus status,
        long daysLeft) {

    /** Days past the due date; 0 unless overdue. */
    public long daysOverdue() {
        return Math.max(0, -daysLeft);
    }
}
