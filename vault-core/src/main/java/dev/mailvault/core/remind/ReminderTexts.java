package dev.mailvault.core.remind;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of reminders in Japanese or English, from this package's {@code messages} bundle, so
 * the CLI, the desktop app, the notification and the calendar all say the same thing.
 */
public final class ReminderTexts {
    private static final String BUNDLE = "dev.mailvault.core.remind.messages";

    private ReminderTexts() {}

    /** The count-only line of plain {@code vault remind} and of the desktop notification. */
    public static String countsSummary(ReminderCounts counts, Locale locale) {
        return counts.anyDue()
                ? format(locale, "counts.some", counts.overdue(), counts.dueSoon(), Reminders.DUE_SOON_DAYS)
                : format(locale, "counts.none", Reminders.DUE_SOON_DAYS);
    }

    /** The title of a desktop notification. */
    public static String notificationTitle(Locale locale) {
        return format(locale, "notify.title");
    }

    /** For example "Change the password of alice@docomo.ne.jp (imap)". */
    public static String eventSummary(Address address, CredentialRef credential, Locale locale) {
        return format(locale, "event.summary", address.value(), credential.toString());
    }

    static String eventDescription(ReminderItem item, ZoneId zone, Locale locale) {
        return format(
                locale,
                "event.description",
                item.address().value(),
                item.credential().toString(),
                LocalDate.ofInstant(item.changedAt(), zone).toString(),
                policyText(item.policy(), locale));
    }

    static String alarmDescription(ReminderItem item, Locale locale) {
        return format(
                locale,
                "alarm.description",
                item.address().value(),
                item.credential().toString());
    }

    /** "6 months" / "6 か月", "90 days" / "90 日"; empty for {@code never}. */
    public static String policyText(RotationPolicy policy, Locale locale) {
        if (policy.isNever()) {
            return "";
        }
        long months = policy.period().toTotalMonths();
        return months > 0
                ? format(locale, "policy.months", months)
                : format(locale, "policy.days", policy.period().getDays());
    }

    private static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
