package dev.mailvault.core.remind;

import java.util.Collection;

/**
 * How many credentials are overdue and how many are due soon. Deliberately nothing else: plain
 * {@code vault remind} runs without the master password and must not name anything.
 */
public record ReminderCounts(int overdue, int dueSoon) {
    public static final ReminderCounts NONE = new ReminderCounts(0, 0);

    public ReminderCounts {
        if (overdue < 0 || dueSoon < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** Counts named items, so the locked and the unlocked view can be compared. */
    public static ReminderCounts of(Collection<ReminderItem> items) {
        int overdue = 0;
        int dueSoon = 0;
        for (ReminderItem item : items) {
            switch (item.status()) {
                case OVERDUE -> overdue++;
                case DUE_SOON -> dueSoon++;
                case OK -> {}
            }
        }
        return new ReminderCounts(overdue, dueSoon);
    }

    /** True when anything is overdue or due soon: {@code vault remind} then exits 1. */
    public boolean anyDue() {
        return overdue > 0 || dueSoon > 0;
    }
}
