package dev.mailvault.core.remind;

/** Where a credential stands against its due date. */
public enum ReminderStatus {
    /** The due date has passed (from the day after it on). */
    OVERDUE,
    /** The due date is today or within the next {@value Reminders#DUE_SOON_DAYS} days. */
    DUE_SOON,
    /** The due date is further away. */
    OK
}
