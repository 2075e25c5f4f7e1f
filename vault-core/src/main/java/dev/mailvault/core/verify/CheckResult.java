package dev.mailvault.core.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one login attempt. {@code message} and {@code alert} are server texts with any
 * secret removed; {@code code} is the RFC 5530 response code or the SMTP reply code, if any.
 */
public record CheckResult(
        Protocol protocol,
        Slot credential,
        Outcome outcome,
        String host,
        int port,
        String code,
        String message,
        String alert,
        long millis,
        Instant at) {

    /** Which value of a credential was tried. */
    public enum Slot {
        CURRENT,
        PENDING;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CheckResult {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(credential);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(at);
        host = host == null ? "" : host;
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        alert = alert == null ? "" : alert;
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
