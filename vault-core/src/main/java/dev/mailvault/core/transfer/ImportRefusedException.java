package dev.mailvault.core.transfer;

import dev.mailvault.core.BadInputException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An import file the importer refuses, with why in a form the CLI and the app can put in the user's
 * language ({@link #message(Locale)}); the texts are in {@code TransferTexts}. Either a {@link
 * Reason} with its arguments, or a place ({@code "line 3"}, {@code "item 2"}, {@code "account2"},
 * the file's name) in front of the refusal found there. {@link #getMessage()} is the English text.
 */
public final class ImportRefusedException extends BadInputException {
    /** Why a file was refused; the javadoc names the arguments. */
    public enum Reason {
        /** {0} file. */
        NO_FILE,
        /** {0} file. */
        NOT_REGULAR_FILE,
        /** {0} file. */
        TOO_LARGE,
        /** {0} file, {1} the system's words. */
        CANNOT_READ,
        /** Invalid UTF-8. */
        NOT_UTF8,
        /** {0} the character's code, such as {@code 0001}. */
        CONTROL_CHARACTER,
        /** {0} folder given for a Thunderbird profile. */
        NO_PREFS_JS,
        /** {0} folder, {1} format. */
        FOLDER_NOT_FILE,
        /** A quoted CSV field runs to the end of the file. */
        CSV_QUOTE_NOT_CLOSED,
        /** Text after a closing quote. */
        CSV_TEXT_AFTER_QUOTE,
        /** Any other CSV syntax error. */
        CSV_INVALID,
        /** {0} the system's words. */
        CSV_UNREADABLE,
        /** {0} fields in the row, {1} in the header. */
        CSV_FIELD_COUNT,
        /** {0} file, {1} KeePassXC's header. */
        CSV_EMPTY,
        /** {0} columns, {1} KeePassXC's header. */
        CSV_NOT_HEADER,
        /** The 'Last Modified' column. */
        CSV_BAD_DATE,
        /** {0} file. */
        JSON_EMPTY,
        /** Text after the JSON document. */
        JSON_TRAILING,
        /** {0} the JSON parser's words. */
        JSON_INVALID,
        /** {0} the system's words. */
        JSON_UNREADABLE,
        /** {0} the token. */
        JSON_TOKEN,
        /** The document is not an object. */
        NOT_BITWARDEN,
        /** {0} file. */
        ENCRYPTED_BITWARDEN,
        /** "encrypted" is neither true nor false. */
        ENCRYPTED_NOT_BOOLEAN,
        /** No "items" list. */
        NO_ITEMS,
        /** An item is not a JSON object. */
        ITEM_NOT_OBJECT,
        /** "type" is no whole number. */
        ITEM_TYPE,
        /** "login" is no object. */
        LOGIN_NOT_OBJECT,
        /** {0} the field. */
        FIELD_NOT_TEXT,
        /** {0} the field. */
        FIELD_NOT_LIST,
        /** {0} the field. */
        FIELD_NOT_OBJECTS,
        /** {0} the field. */
        FIELD_NOT_DATE,
        /** {0} file. */
        NO_USER_PREF,
        /** A quoted text of prefs.js runs to the end of its line. */
        PREF_QUOTE_NOT_CLOSED,
        /** A line of prefs.js that is no user_pref. */
        PREF_SYNTAX,
        /** {0} file. */
        NO_ACCOUNTS,
        /** {0} the pref. */
        PREF_MISSING,
        /** {0} the pref, {1} its value. */
        PREF_SECURITY,
        /** {0} the pref. */
        PREF_NOT_TEXT,
        /** {0} the pref. */
        PREF_NOT_NUMBER,
        /** {0} the note line's name; the refusal of its value follows. */
        NOTES_LINE,
        /** {0} the decoder's words. */
        NOT_BASE64,
        /** The base64 is no UTF-8 text. */
        NOT_TEXT,
        /** No BEGIN CERTIFICATE line. */
        NO_PEM,
        /** A mail server URL with a port that is no number. */
        URL_PORT;

        String key() {
            return "refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final String BUNDLE = "dev.mailvault.core.transfer.TransferTexts";
    private static final Pattern ITEM_LINE = Pattern.compile("item ([0-9]+) \\(line ([0-9]+)\\)");
    private static final Pattern LINE_COLUMN = Pattern.compile("line ([0-9]+), column ([0-9]+)");

    private final Reason reason;
    private final List<String> args;
    private final String place;
    private final BadInputException inner;

    private ImportRefusedException(
            Reason reason, List<String> args, String place, BadInputException inner, Throwable cause) {
        super(english(reason, args, place, inner), cause);
        this.reason = reason;
        this.args = args;
        this.place = place;
        this.inner = inner;
    }

    /** A refusal for {@code reason}; numbers are given as text (a MessageFormat would group them). */
    public static ImportRefusedException of(Reason reason, String... args) {
        return new ImportRefusedException(Objects.requireNonNull(reason, "reason"), List.of(args), null, null, null);
    }

    /** A refusal for {@code reason} that a lower-level failure caused. */
    public static ImportRefusedException caused(Throwable cause, Reason reason, String... args) {
        return new ImportRefusedException(Objects.requireNonNull(reason, "reason"), List.of(args), null, null, cause);
    }

    /** A refusal for {@code reason}, followed by the refusal {@code inner} of a part of it. */
    public static ImportRefusedException of(Reason reason, BadInputException inner, String... args) {
        return new ImportRefusedException(
                Objects.requireNonNull(reason, "reason"),
                List.of(args),
                null,
                Objects.requireNonNull(inner, "inner"),
                inner);
    }

    /**
     * {@code inner} happened at {@code place}: the file's name, an {@link EntrySource} ({@code "line
     * 3"}), {@code "item 2 (line 5)"}, {@code "line 3, column 7"}, or a name of the file's own.
     */
    public static ImportRefusedException at(String place, BadInputException inner) {
        return new ImportRefusedException(
                null, List.of(), Objects.requireNonNull(place, "place"), Objects.requireNonNull(inner, "inner"), inner);
    }

    /** Why, innermost first from the outside: a place's refusal is that of what it holds. */
    public Reason reason() {
        return reason != null ? reason : inner instanceof ImportRefusedException r ? r.reason() : null;
    }

    /** The refusal in Japanese or English; a core message from outside the importer stays as it is. */
    public String message(Locale requested) {
        boolean japanese = requested != null && "ja".equals(requested.getLanguage());
        return japanese ? words(Locale.JAPANESE) : getMessage();
    }

    private String words(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String innerText =
                inner instanceof ImportRefusedException r ? r.words(locale) : inner == null ? null : inner.getMessage();
        if (place != null) {
            // "FILE の 3 行目：…": places in a row are joined, the refusal follows the last one
            String separator = inner instanceof ImportRefusedException r && r.place != null
                    ? bundle.getString("refused.place.in")
                    : bundle.getString("refused.place.at");
            return label(place, bundle, locale) + separator + innerText;
        }
        String text = new MessageFormat(bundle.getString(reason.key()), locale).format(args.toArray());
        return innerText == null ? text : text + bundle.getString("refused.place.at") + innerText;
    }

    private static String english(Reason reason, List<String> args, String place, BadInputException inner) {
        String innerText = inner == null ? null : inner.getMessage();
        if (place != null) {
            return place + ": " + innerText;
        }
        String text =
                new MessageFormat(bundle(Locale.ROOT).getString(reason.key()), Locale.ROOT).format(args.toArray());
        return innerText == null ? text : text + ": " + innerText;
    }

    private static String label(String place, ResourceBundle bundle, Locale locale) {
        Matcher itemLine = ITEM_LINE.matcher(place);
        if (itemLine.matches()) {
            return new MessageFormat(bundle.getString("refused.place.item-line"), locale)
                    .format(new Object[] {itemLine.group(1), itemLine.group(2)});
        }
        Matcher lineColumn = LINE_COLUMN.matcher(place);
        if (lineColumn.matches()) {
            return new MessageFormat(bundle.getString("refused.place.line-column"), locale)
                    .format(new Object[] {lineColumn.group(1), lineColumn.group(2)});
        }
        return EntrySource.label(place, locale);
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
