package dev.mailvault.core.doctor;

/** What a finding is about; the CLI's JSON and the tests use these codes, the texts come from bundles. */
public enum FindingCode {
    NO_PROBLEM_FOUND(Severity.INFO),
    UNCONFIRMED_SETTINGS(Severity.INFO),
    NO_CHECKS(Severity.INFO),
    CHECK_OLDER_THAN_CHANGE(Severity.INFO),
    EMPTY_VALUE(Severity.PROBLEM),
    SPACE_AT_ENDS(Severity.PROBLEM),
    FULL_WIDTH_CHARACTERS(Severity.PROBLEM),
    INVISIBLE_CHARACTERS(Severity.PROBLEM),
    UNEXPECTED_LENGTH(Severity.WARNING),
    SAME_AS_PORTAL_PASSWORD(Severity.PROBLEM),
    SERVER_DIFFERS_FROM_CATALOG(Severity.INFO),
    SMTP_REFUSED_IMAP_ACCEPTED(Severity.PROBLEM),
    IMAP_REFUSED_SMTP_ACCEPTED(Severity.PROBLEM),
    APP_PASSWORD_REQUIRED(Severity.PROBLEM),
    OAUTH_REQUIRED(Severity.PROBLEM),
    NOT_UPDATED_AFTER_ROTATION(Severity.PROBLEM),
    PENDING_ACCEPTED(Severity.WARNING),
    PENDING_REFUSED(Severity.WARNING),
    AUTH_FAILED(Severity.PROBLEM),
    PASSWORD_EXPIRED(Severity.PROBLEM),
    ACCOUNT_LOCKED(Severity.PROBLEM),
    RATE_LIMITED(Severity.WARNING),
    TLS_PROBLEM(Severity.PROBLEM),
    CONNECTION_PROBLEM(Severity.PROBLEM),
    CHECK_SKIPPED(Severity.INFO),
    RESET_WHERE(Severity.INFO),
    RESET_UNKNOWN(Severity.INFO),
    DEVICES_NEED_REENTRY(Severity.WARNING),
    DEVICES_TO_UPDATE(Severity.INFO),
    NO_DEVICES(Severity.INFO);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
