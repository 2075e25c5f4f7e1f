package dev.mailvault.core.audit;

/**
 * Why an account needs attention. The declaration order is the order of urgency, most urgent
 * first: a login that fails now comes before a password that is merely old. {@link #id()} is the
 * stable name in JSON and CSV.
 */
public enum FlagCode {
    /** The newest login check of the current value failed (detail: protocol, outcome, code, at). */
    LAST_CHECK_FAILED("last-check-failed", AuditAction.DOCTOR),
    /** The provider accepts no passwords any more (detail: provider). */
    OAUTH_ONLY("oauth-only", AuditAction.DOCTOR),
    /** Past its rotation due date (detail: due_on, days overdue, policy). */
    OVERDUE("overdue", AuditAction.ROTATE),
    /** The same value is stored for another account (detail: shared_with). */
    REUSED("reused", AuditAction.ROTATE),
    /** Easy to guess: zxcvbn score at most {@link PasswordStrength#WEAK_MAX_SCORE} (detail: score). */
    WEAK("weak", AuditAction.ROTATE),
    /** Devices still hold an older value (detail: count). */
    DEVICES_STALE("devices-stale", AuditAction.DEVICES),
    /** A new value is stored but not yet in use (detail: pending_since). */
    PENDING_ROTATION("pending-rotation", AuditAction.VERIFY),
    /** An app password that the provider may have revoked when the main password changed. */
    APP_PASSWORD_SUSPECT("app-password-suspect", AuditAction.VERIFY),
    /** Due for rotation within {@code Reminders.DUE_SOON_DAYS} days (detail: due_on, days left, policy). */
    DUE_SOON("due-soon", AuditAction.ROTATE),
    /** The current value has never logged in successfully (detail: protocols). */
    NEVER_VERIFIED("never-verified", AuditAction.VERIFY),
    /** The last successful login is older than {@link Audit#VERIFIED_WITHIN_DAYS} days (detail: last_verified_on, days). */
    NOT_VERIFIED_RECENTLY("not-verified-for-30-days", AuditAction.VERIFY),
    /** The provider's server settings are not confirmed and no login has proven them (detail: provider). */
    SETTINGS_UNCONFIRMED("settings-unconfirmed", AuditAction.VERIFY);

    private final String id;
    private final AuditAction action;

    FlagCode(String id, AuditAction action) {
        this.id = id;
        this.action = action;
    }

    public String id() {
        return id;
    }

    public AuditAction action() {
        return action;
    }
}
