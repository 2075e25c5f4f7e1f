package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Thunderbird autoconfig file that {@code vault providers import} refuses, with why in a form the
 * CLI and the app can put in the user's language ({@link #message(Locale)}); the texts are in
 * {@code ProviderTexts}. {@link #getMessage()} is the English text. Every reason's first argument is
 * the file.
 */
public final class AutoconfigRefusedException extends BadInputException {
    /** Why a file was refused; {0} is the file, the javadoc names the other arguments. */
    public enum Reason {
        NO_FILE,
        TOO_LARGE,
        PERMISSION_DENIED,
        /** {1} the system's words. */
        CANNOT_READ,
        /** {1} the line. */
        DOCTYPE,
        /** {1} the line, {2} the parser's words. */
        NOT_WELL_FORMED_AT_LINE,
        /** {1} the parser's words. */
        NOT_WELL_FORMED,
        /** {1} the parser's words. */
        NOT_XML,
        NO_ROOT,
        /** {1} the root element, such as {@code <html>}. */
        WRONG_ROOT,
        NO_EMAIL_PROVIDER,
        /** {1} how many. */
        SEVERAL_PROVIDERS,
        NO_ID,
        /** {1} the id as written. */
        BAD_ID,
        NO_DOMAIN,
        /** {1} the catalog's words about the entry. */
        BAD_ENTRY,
        /** {1} the element, such as {@code <incomingServer type="imap">}. */
        NO_SERVER,
        /** {1} the element, {2} host:port, {3} the socketType. */
        UNKNOWN_SOCKET,
        /** {1} the element, {2} the catalog's words about the server. */
        BAD_SERVER,
        /** {1} the element, {2} host:port. */
        PLAIN_TEXT_ONLY,
        /** {1} the element, {2} the host as written. */
        DOMAIN_PLACEHOLDER_AMBIGUOUS,
        /** {1} the element. */
        NO_HOSTNAME,
        /** {1} the element, {2} the host as written. */
        UNKNOWN_PLACEHOLDER,
        /** {1} the element, {2} the port as written. */
        PORT_NOT_NUMBER;

        String key() {
            return "autoconfig." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final List<String> args;

    private AutoconfigRefusedException(Reason reason, List<String> args, Throwable cause) {
        super(ProviderTexts.text(Locale.ROOT, reason.key(), args.toArray()), cause);
        this.reason = reason;
        this.args = args;
    }

    /** A refusal for {@code reason}; numbers are given as text (a MessageFormat would group them). */
    public static AutoconfigRefusedException of(Reason reason, String... args) {
        return new AutoconfigRefusedException(Objects.requireNonNull(reason, "reason"), List.of(args), null);
    }

    /** A refusal for {@code reason} that a lower-level failure caused. */
    public static AutoconfigRefusedException caused(Throwable cause, Reason reason, String... args) {
        return new AutoconfigRefusedException(Objects.requireNonNull(reason, "reason"), List.of(args), cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The refusal in Japanese or English; the parser's and the catalog's own words stay as they are. */
    public String message(Locale requested) {
        return ProviderTexts.text(requested, reason.key(), args.toArray());
    }
}
