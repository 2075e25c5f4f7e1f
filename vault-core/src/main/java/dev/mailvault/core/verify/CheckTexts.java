package dev.mailvault.core.verify;

import dev.mailvault.core.provider.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The descriptions Mail Vault gives a check itself, when no answer of the server says what
 * happened (refused, timed out, host not found, not tried...), and how a view words them in the
 * user's language. A result's {@code message} holds the English text, as the store and the JSON
 * output keep it; {@link #message(CheckResult, Locale)} words it again from the values it names.
 *
 * <p>The store keeps a result's message as text only, so a message is told for one of these by its
 * exact English form and the result's outcome (the same for results stored by earlier versions).
 * Every other message, a server's answer above all, is shown as it is. Placeholders are {@code
 * {0}}, {@code {1}}, ...: not MessageFormat, so an apostrophe is written once.
 */
public final class CheckTexts {
    private static final String BUNDLE = "dev.mailvault.core.verify.CheckTexts";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    /** Each description: its English text and the outcome it goes with. */
    public enum Kind {
        CANCELLED("cancelled while checking", Outcome.SKIPPED),
        CANCELLED_BEFORE_START("cancelled before the check started", Outcome.SKIPPED),
        FAILED_INTERNALLY("the check failed internally: {0}", Outcome.SKIPPED),
        LOCKOUT_PROTECTION(
                "the last login failed {0} min ago ({1}); not retried to avoid locking the account (use --force, or"
                        + " name the account)",
                Outcome.SKIPPED),
        OAUTH_ONLY("{0} accepts no passwords for {1} (OAuth only)", Outcome.SKIPPED),
        CA_CERT_UNREADABLE(
                "not tried: the CA certificate stored for this account cannot be read ({0}); give the account a"
                        + " readable CA certificate (PEM), or remove it",
                Outcome.TLS_CERT_INVALID),
        NO_PASSWORD_ASKED(
                "the server let the client in without asking for a password, so the password was not checked",
                Outcome.PROTOCOL_ERROR),
        OVERALL_LIMIT("no complete answer from {0} within the overall limit of {1} s", Outcome.READ_TIMEOUT),
        WRITE_STALLED("{0} stopped taking data: a write did not finish within {1} s", Outcome.READ_TIMEOUT),
        TOO_MUCH_DATA("the server sent more than {0} KiB during login", Outcome.PROTOCOL_ERROR),
        LINE_TOO_LONG("the server sent a line longer than {0} KiB", Outcome.PROTOCOL_ERROR),
        LITERAL_DIGITS("the server announced an IMAP literal with more than {0} digits", Outcome.PROTOCOL_ERROR),
        LITERAL_TOO_BIG("the server announced an IMAP literal of more than {0} KiB", Outcome.PROTOCOL_ERROR),
        WRONG_PROTOCOL("the server does not speak {0} here: {1}", Outcome.PROTOCOL_ERROR),
        STARTTLS_REFUSED(
                "the server offers STARTTLS but refused it, so the password was not sent: {0}", Outcome.TLS_REQUIRED),
        STARTTLS_MISSING("the server does not offer STARTTLS, so the password was not sent", Outcome.TLS_REQUIRED),
        HOST_NOT_FOUND("the host name {0} was not found", Outcome.DNS_FAILURE),
        CONNECT_TIMED_OUT("no connection to {0} within {1} s", Outcome.CONNECT_TIMEOUT),
        NO_ANSWER("{0} did not answer within {1} s", Outcome.READ_TIMEOUT),
        REFUSED_BECAUSE("the connection to {0} was refused ({1})", Outcome.CONNECT_REFUSED),
        REFUSED("the connection to {0} was refused", Outcome.CONNECT_REFUSED),
        NO_CONNECTION("no connection to {0}: {1}", Outcome.CONNECT_REFUSED),
        NOT_TLS(
                "{0} answered without TLS, so the password was not sent: the port may expect STARTTLS (:starttls)"
                        + " or another protocol",
                Outcome.PROTOCOL_ERROR),
        TLS_HANDSHAKE_FAILED("the TLS handshake failed: {0}", Outcome.TLS_ERROR),
        CONNECTION_CLOSED("the server closed the connection", Outcome.SERVER_UNAVAILABLE),
        ANSWER_NOT_UNDERSTOOD("the server's answer could not be understood ({0})", Outcome.PROTOCOL_ERROR),
        OAUTH_ONLY_SERVER("the server offers only OAuth sign-in, no password login", Outcome.OAUTH_REQUIRED),
        LOGIN_DISABLED("the server has password login disabled (LOGINDISABLED)", Outcome.TLS_REQUIRED),
        NO_PASSWORD_MECHANISM("the server offers no password login method (PLAIN or LOGIN)", Outcome.PROTOCOL_ERROR),
        NO_CERTIFICATE("the server sent no certificate", Outcome.TLS_CERT_INVALID),
        NOT_PINNED(
                "the server's certificate is not the pinned one: pinned SHA-256 {0}, the server sent SHA-256 {1}",
                Outcome.TLS_CERT_INVALID),
        NOT_YET_VALID("the server's certificate is not valid before {0}", Outcome.TLS_CERT_INVALID),
        EXPIRED("the server's certificate expired on {0}", Outcome.TLS_CERT_INVALID),
        OTHER_HOST("the server's certificate is for {0}, not for {1}", Outcome.TLS_HOSTNAME_MISMATCH),
        NO_TRUSTED_ISSUER(
                "the server's certificate ({0}, SHA-256 {1}) is not trusted: no certificate authority trusted here"
                        + " issued it (a self-signed certificate, or a CA that neither the system nor this account"
                        + " trusts)",
                Outcome.TLS_CERT_INVALID),
        UNTRUSTED_BECAUSE("the server's certificate ({0}, SHA-256 {1}) is not trusted: {2}", Outcome.TLS_CERT_INVALID),
        UNTRUSTED("the server's certificate ({0}, SHA-256 {1}) is not trusted", Outcome.TLS_CERT_INVALID);

        private final String english;
        private final Outcome outcome;
        /** Made when a message is first told (Japanese views only): every verify writes these texts. */
        private volatile Pattern shape;

        Kind(String english, Outcome outcome) {
            this.english = english;
            this.outcome = outcome;
        }

        /** The outcome a result with this description has. */
        public Outcome outcome() {
            return outcome;
        }

        /** The English text with its placeholders. */
        String template() {
            return english;
        }

        /** The English text with the values put in; what a result's message holds. */
        public String english(Object... values) {
            return fill(english, values);
        }

        private Pattern shape() {
            Pattern made = shape;
            if (made == null) {
                made = shape(english);
                shape = made;
            }
            return made;
        }

        /** The text as a pattern: literal words, and one group for each value, in their order. */
        private static Pattern shape(String text) {
            StringBuilder regex = new StringBuilder("^");
            Matcher m = PLACEHOLDER.matcher(text);
            int last = 0;
            int expected = 0;
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) != expected++) {
                    throw new IllegalStateException("placeholders out of order: " + text);
                }
                regex.append(Pattern.quote(text.substring(last, m.start()))).append("(.+?)");
                last = m.end();
            }
            regex.append(Pattern.quote(text.substring(last))).append('$');
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }

    /** A message told for one of the descriptions, with the values it names. */
    public record Recognized(Kind kind, List<String> values) {
        public Recognized {
            values = List.copyOf(values);
        }
    }

    private CheckTexts() {}

    /**
     * The result's message in the given language: its own description worded there, or the message
     * as it is (a server's answer, or English asked for). The alert is not part of it.
     */
    public static String message(CheckResult result, Locale locale) {
        return message(result.outcome(), result.message(), locale);
    }

    /** A message of a check with that outcome in the given language, as {@link #message(CheckResult, Locale)}. */
    public static String message(Outcome outcome, String message, Locale locale) {
        if (!LocalizedText.isJapanese(locale)) {
            return message;
        }
        return recognize(outcome, message)
                .map(r -> fill(bundle().getString(r.kind().name()), r.values().toArray()))
                .orElse(message);
    }

    /** Which description the result's message is, if it is one of Mail Vault's own. */
    public static Optional<Recognized> recognize(CheckResult result) {
        return recognize(result.outcome(), result.message());
    }

    private static Optional<Recognized> recognize(Outcome outcome, String message) {
        for (Kind kind : Kind.values()) {
            if (kind.outcome != outcome) {
                continue;
            }
            Matcher m = kind.shape().matcher(message);
            if (m.matches()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    values.add(m.group(i));
                }
                return Optional.of(new Recognized(kind, values));
            }
        }
        return Optional.empty();
    }

    /** The seconds of a time limit as the descriptions give them: "10" or "2.5". */
    public static String seconds(java.time.Duration d) {
        long millis = d == null ? 0 : d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    static ResourceBundle bundle() {
        return ResourceBundle.getBundle(
                BUNDLE,
                Locale.JAPANESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String fill(String text, Object[] values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values[i])));
        }
        m.appendTail(out);
        return out.toString();
    }
}
