package dev.mailvault.core.remind;

import dev.mailvault.core.BadInputException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a credential should change: a number of calendar months or days, or never. Due dates
 * are calendar-correct: 31 August plus 6 months is the last day of February.
 */
public record RotationPolicy(Period period) {
    public static final RotationPolicy NEVER = new RotationPolicy(null);
    public static final RotationPolicy DEFAULT = new RotationPolicy(Period.ofMonths(6));

    public RotationPolicy {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new BadInputException("a rotation policy must be a positive period");
        }
    }

    /** Parses {@code 3m}, {@code 6m}, {@code 12m}, {@code 90d} or {@code never}. */
    public static RotationPolicy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("never")) {
            return NEVER;
        }
        // one to four digits and a unit, read without a regular expression: every credential read
        // from the vault parses its policy, and the matcher was a few per cent of a large list
        int digits = t.length() - 1;
        char unit = digits < 0 ? ' ' : t.charAt(digits);
        int n = digits >= 1 && digits <= 4 ? 0 : -1;
        for (int i = 0; i < digits && n >= 0; i++) {
            char c = t.charAt(i);
            n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1;
        }
        if (n <= 0 || (unit != 'm' && unit != 'd')) {
            throw new BadInputException("invalid policy '" + text + "' (examples: 3m, 6m, 12m, 90d, never)");
        }
        return new RotationPolicy(unit == 'm' ? Period.ofMonths(n) : Period.ofDays(n));
    }

    public boolean isNever() {
        return period == null;
    }

    /** The date the credential becomes due, or empty for {@code never}. */
    public Optional<LocalDate> dueDate(LocalDate changedOn) {
        return isNever() ? Optional.empty() : Optional.of(changedOn.plus(period));
    }

    /** The form {@link #parse} reads. */
    public String spec() {
        if (isNever()) {
            return "never";
        }
        return period.getMonths() > 0 || period.getYears() > 0 ? period.toTotalMonths() + "m" : period.getDays() + "d";
    }

    @Override
    public String toString() {
        return spec();
    }
}
