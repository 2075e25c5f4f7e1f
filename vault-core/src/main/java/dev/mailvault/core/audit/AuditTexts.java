package dev.mailvault.core.audit;

import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.provider.LocalizedText;
import dev.mailvault.core.remind.ReminderTexts;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.Outcome;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of {@code vault audit} in Japanese or English, from this package's {@code AuditTexts}
 * bundle, so the CLI and the desktop app say the same: a short label per flag, a sentence saying
 * what is wrong, and one line saying what to do next. Times are shown in the zone the caller
 * passes (the zone of the clock the audit ran with). No text ever holds a stored value.
 */
public final class AuditTexts {
    private static final String BUNDLE = "dev.mailvault.core.audit.AuditTexts";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AuditTexts() {}

    /** A few words naming the flag, for a column or a badge. */
    public static String label(FlagCode code, Locale locale) {
        return format(locale, "label." + code.id());
    }

    /** What is wrong with the account, in one sentence. */
    public static String describe(AuditEntry entry, AuditFlag flag, ZoneId zone, Locale locale) {
        String credential = flag.credential()
                .map(c -> entry.oneMailPassword() && c.kind() == CredentialKind.IMAP
                        ? format(locale, "credential.imapSmtp")
                        : credentialName(c, locale))
                .orElse("");
        return switch (flag.code()) {
            case LAST_CHECK_FAILED -> {
                Instant at = (Instant) flag.detail().get(AuditFlag.AT);
                String protocol = flag.detailText(AuditFlag.PROTOCOL).toUpperCase(Locale.ROOT);
                if (Outcome.SKIPPED.name().equals(flag.detailText(AuditFlag.OUTCOME))) {
                    yield format(locale, "describe.last-check-failed.lockout", credential, protocol, time(at, zone));
                }
                String serverCode = flag.detailText(AuditFlag.SERVER_CODE);
                String outcome = flag.detailText(AuditFlag.OUTCOME)
                        + (serverCode.isEmpty() ? "" : format(locale, "serverCode", serverCode));
                yield format(locale, "describe.last-check-failed", credential, protocol, time(at, zone), outcome);
            }
            case OAUTH_ONLY ->
                format(locale, "describe.oauth-only", entry.provider().name(locale));
            case OVERDUE, DUE_SOON ->
                format(
                        locale,
                        "describe." + flag.code().id(),
                        credential,
                        flag.detailText(AuditFlag.DUE_ON),
                        flag.detail().get(AuditFlag.DAYS),
                        ReminderTexts.policyText(RotationPolicy.parse(flag.detailText(AuditFlag.POLICY)), locale));
            case WEAK ->
                format(locale, "describe.weak", credential, flag.detail().get(AuditFlag.SCORE));
            case REUSED ->
                format(
                        locale,
                        "describe.reused",
                        credential,
                        String.join(separator(locale), asList(flag.detail().get(AuditFlag.SHARED_WITH))));
            case DEVICES_STALE ->
                format(locale, "describe.devices-stale", flag.detail().get(AuditFlag.COUNT));
            case PENDING_ROTATION ->
                format(
                        locale,
                        "describe.pending-rotation",
                        credential,
                        time((Instant) flag.detail().get(AuditFlag.PENDING_SINCE), zone));
            case APP_PASSWORD_SUSPECT -> format(locale, "describe.app-password-suspect", credential);
            case NEVER_VERIFIED ->
                format(
                        locale,
                        "describe.never-verified",
                        credential,
                        protocols(asList(flag.detail().get(AuditFlag.PROTOCOLS)), locale));
            case NOT_VERIFIED_RECENTLY ->
                format(
                        locale,
                        "describe.not-verified-for-30-days",
                        credential,
                        flag.detailText(AuditFlag.LAST_VERIFIED_ON),
                        flag.detail().get(AuditFlag.DAYS));
            case SETTINGS_UNCONFIRMED ->
                format(
                        locale,
                        "describe.settings-unconfirmed",
                        entry.provider().name(locale),
                        entry.provider().verified().toString());
        };
    }

    /** What to do next, in one line. */
    public static String nextStep(AuditFlag flag, Locale locale) {
        return format(locale, "next." + flag.code().id());
    }

    /** "3 of 5 accounts need attention." or "No account needs attention (5 audited)." */
    public static String summary(AuditReport report, Locale locale) {
        return report.clean()
                ? format(locale, "summary.clean", report.accountsAudited())
                : format(locale, "summary.some", report.entries().size(), report.accountsAudited(), report.flagCount());
    }

    /** "the IMAP password", "the app password “iPhone”". */
    public static String credentialName(CredentialRef ref, Locale locale) {
        return ref.kind() == CredentialKind.APP
                ? format(locale, "credential.app", ref.label())
                : format(locale, "credential." + ref.kind().id());
    }

    private static String time(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).format(MINUTES);
    }

    private static List<String> asList(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    /** "IMAP" or "IMAP and SMTP". */
    private static String protocols(List<String> ids, Locale locale) {
        List<String> names = ids.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList();
        return names.size() == 2
                ? format(locale, "join.two", names.get(0), names.get(1))
                : String.join(separator(locale), names);
    }

    private static String separator(Locale locale) {
        return LocalizedText.isJapanese(locale) ? "、" : ", ";
    }

    private static String format(Locale locale, String key, Object... args) {
        boolean japanese = LocalizedText.isJapanese(locale);
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                japanese ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), japanese ? Locale.JAPANESE : Locale.ENGLISH).format(args);
    }
}
