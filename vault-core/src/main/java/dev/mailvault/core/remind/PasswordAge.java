package dev.mailvault.core.remind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How old a credential is and the colour band lists show it in: fresh until a month before its
 * due date, aging in that last month (with the default six-month policy: green under five months,
 * amber until six), overdue from the day after the due date. Dates are calendar dates in the
 * clock's zone; a credential whose policy is {@code never} is always fresh.
 */
public final class PasswordAge {
    /** How long before the due date a credential shows as aging. */
    public static final Period WARNING = Period.ofMonths(1);

    /** The colour band of an age. */
    public enum Band {
        FRESH,
        AGING,
        OVERDUE
    }

    private final Clock clock;

    public PasswordAge(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The calendar period since the change, never negative. */
    public Period age(Instant changedAt) {
        LocalDate changed = LocalDate.ofInstant(changedAt, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(changed) ? Period.ZERO : Period.between(changed, today);
    }

    public Band band(Instant changedAt, RotationPolicy policy) {
        LocalDate changed = LocalDate.ofInstant(changedAt, clock.getZone());
        return policy.dueDate(changed).map(this::bandFor).orElse(Band.FRESH);
    }

    private Band bandFor(LocalDate due) {
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(due)) {
            return Band.OVERDUE;
        }
        return today.isBefore(due.minus(WARNING)) ? Band.FRESH : Band.AGING;
    }
}
