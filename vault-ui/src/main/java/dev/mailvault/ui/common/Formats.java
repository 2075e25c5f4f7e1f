package dev.mailvault.ui.common;

import dev.mailvault.core.remind.RotationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Ages, dates and "how long ago" in the user's language. */
public final class Formats {
    private final Texts texts;
    private final Clock clock;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** "1 year 2 months", "5 months", "12 days", "today". */
    public String age(Period age) {
        if (age.getYears() > 0) {
            return age.getMonths() > 0
                    ? texts.get("age.yearsMonths", age.getYears(), age.getMonths())
                    : texts.get("age.years", age.getYears());
        }
        if (age.getMonths() > 0) {
            return texts.get("age.months", age.getMonths());
        }
        return age.getDays() > 0 ? texts.get("age.days", age.getDays()) : texts.get("age.today");
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago", else the date. */
    public String ago(Instant when) {
        Duration d = Duration.between(when, clock.instant());
        if (d.isNegative() || d.toMinutes() < 1) {
            return texts.get("ago.now");
        }
        if (d.toHours() < 1) {
            return texts.get("ago.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return texts.get("ago.hours", d.toHours());
        }
        if (d.toDays() < 14) {
            return texts.get("ago.days", d.toDays());
        }
        return date(when);
    }

    /** "every 6 months", "every 90 days", "never": a rotation policy in words, not its spec "6m". */
    public String policy(RotationPolicy policy) {
        return policy(texts, policy);
    }

    /** As {@link #policy(RotationPolicy)}, where no clock is at hand. */
    public static String policy(Texts texts, RotationPolicy policy) {
        if (policy.isNever()) {
            return texts.get("policy.never");
        }
        Period p = policy.period();
        return p.toTotalMonths() > 0
                ? texts.get("policy.months", p.toTotalMonths())
                : texts.get("policy.days", p.getDays());
    }

    public String date(Instant when) {
        return date.format(when.atZone(zone()));
    }

    public String date(LocalDate when) {
        return date.format(when);
    }

    public String dateTime(Instant when) {
        return dateTime.format(when.atZone(zone()));
    }
}
