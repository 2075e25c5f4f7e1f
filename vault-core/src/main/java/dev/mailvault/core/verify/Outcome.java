package dev.mailvault.core.verify;

/** The outcome of one login check. One classifier decides it; see DESIGN.md. */
public enum Outcome {
    OK,
    AUTH_FAILED,
    APP_PASSWORD_REQUIRED,
    OAUTH_REQUIRED,
    PASSWORD_EXPIRED,
    ACCOUNT_LOCKED,
    RATE_LIMITED,
    SERVER_UNAVAILABLE,
    TLS_REQUIRED,
    TLS_CERT_INVALID,
    TLS_HOSTNAME_MISMATCH,
    TLS_ERROR,
    DNS_FAILURE,
    CONNECT_REFUSED,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    PROTOCOL_ERROR,
    SKIPPED;

    /** Whether the server rejected the credential itself (as opposed to the connection failing). */
    public boolean isCredentialRejected() {
        return switch (this) {
            case AUTH_FAILED, APP_PASSWORD_REQUIRED, OAUTH_REQUIRED, PASSWORD_EXPIRED, ACCOUNT_LOCKED -> true;
            default -> false;
        };
    }
}
