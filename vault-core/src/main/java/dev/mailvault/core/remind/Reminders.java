package dev.mailvault.core.remind;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which credentials are due for a change.
 *
 * <p>Dates are calendar dates in the zone of the injected {@link Clock} (the CLI passes the system
 * zone): {@code changed_at} is turned into the local date it fell on, the policy is added to that
 * date (31 August + 6 months = the last day of February), and "today" is the clock's local date. So
 * a password changed at 00:30 in Tokyo on 1 September is due on 1 March, although in UTC it changed
 * on 31 August. A credential is due soon from {@value #DUE_SOON_DAYS} days before its due date up
 * to and including the due date itself, and overdue from the day after.
 */
public final class Reminders {
    /** The window, in days before the due date, in which a credential counts as due soon. */
    public static final int DUE_SOON_DAYS = 14;

    private static final Comparator<ReminderItem> BY_URGENCY = Comparator.comparing(ReminderItem::dueDate)
            .thenComparing(ReminderItem::address)
            .thenComparing(i -> i.credential().toString());

    private final Clock clock;

    public Reminders(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The due date of a schedule in the clock's zone, or empty for the policy {@code never}. */
    public Optional<LocalDate> dueDate(Schedule schedule) {
        LocalDate changedOn = LocalDate.ofInstant(schedule.changedAt(), clock.getZone());
        return schedule.policy().dueDate(changedOn);
    }

    /** The status of one schedule today; {@code never} is always {@link ReminderStatus#OK}. */
    public ReminderStatus status(Schedule schedule) {
        return dueDate(schedule).map(due -> statusOf(daysLeft(due))).orElse(ReminderStatus.OK);
    }

    /** Counts for the locked view: the schedules come from the vault's clear columns. */
    public ReminderCounts counts(List<Schedule> schedules) {
        int overdue = 0;
        int dueSoon = 0;
        for (Schedule schedule : schedules) {
            switch (status(schedule)) {
                case OVERDUE -> overdue++;
                case DUE_SOON -> dueSoon++;
                case OK -> {}
            }
        }
        return new ReminderCounts(overdue, dueSoon);
    }

    /**
     * Every credential of these accounts that has a due date (policy {@code never} is left out),
     * most urgent first: by due date, then address, then credential.
     */
    public List<ReminderItem> items(List<AccountInfo> accounts) {
        List<ReminderItem> items = new ArrayList<>();
        for (AccountInfo account : accounts) {
            for (CredentialInfo credential : account.credentials()) {
                dueDate(Schedule.of(credential)).ifPresent(due -> {
                    long left = daysLeft(due);
                    items.add(new ReminderItem(
                            account.address(),
                            credential.ref(),
                            credential.changedAt(),
                            credential.policy(),
                            due,
                            statusOf(left),
                            left));
                });
            }
        }
        items.sort(BY_URGENCY);
        return List.copyOf(items);
    }

    /** Only the overdue and due-soon items, most urgent first: what {@code --details} names. */
    public List<ReminderItem> due(List<AccountInfo> accounts) {
        return items(accounts).stream()
                .filter(i -> i.status() != ReminderStatus.OK)
                .toList();
    }

    private long daysLeft(LocalDate due) {
        return ChronoUnit.DAYS.between(today(), due);
    }

    private static ReminderStatus statusOf(long daysLeft) {
        if (daysLeft < 0) {
            return ReminderStatus.OVERDUE;
        }
        return daysLeft <= DUE_SOON_DAYS ? ReminderStatus.DUE_SOON : ReminderStatus.OK;
    }
}
