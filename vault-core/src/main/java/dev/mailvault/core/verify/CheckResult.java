package dev.mailvault.core.verify;

import dev.mailvault.core.PrintableText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The result of one login attempt. {@code message} and {@code alert} are server texts with any
 * secret removed and made printable ({@link dev.mailvault.core.PrintableText}); {@code code} is the RFC 5530 response code
 * or the SMTP reply code, if any.
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

    /** Between the texts in {@code alert} when the server gave more than one. */
    public static final String ALERT_SEPARATOR = " | ";

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
        // a server's texts reach terminals and windows: nothing in them may move, hide or reorder output
        code = code == null ? "" : PrintableText.of(code);
        message = message == null ? "" : PrintableText.of(message);
        alert = alert == null ? "" : PrintableText.of(alert);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /**
     * Whether the message says nothing the alert does not: it is empty, or it is the text of one of
     * the alerts, as when the server's answer itself was an alert ({@code A1 OK [ALERT] text}). A
     * view that shows the alert need not show such a message as well.
     */
    public boolean messageInAlert() {
        return !alert.isEmpty()
                && (message.isEmpty()
                        || List.of(alert.split(Pattern.quote(ALERT_SEPARATOR))).contains(message));
    }
}
