package dev.mailvault.core.transfer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an entry is in an import file: {@code "line 7"} (a CSV line), {@code "item 3"} (an item of a
 * JSON export's list), or the file's own name for it (Thunderbird's {@code "account2"}). The
 * importers make and keep it in this form, and error messages quote it so; {@link #label} gives it
 * to the user in their language.
 */
public final class EntrySource {
    private static final String BUNDLE = "dev.mailvault.core.transfer.TransferTexts";
    private static final Pattern NUMBERED = Pattern.compile("(line|item) ([0-9]+)(.*)", Pattern.DOTALL);

    private EntrySource() {}

    /** Line {@code number} of a text file, counted from 1. */
    public static String line(long number) {
        return "line " + number;
    }

    /** Item {@code number} of a list, counted from 1. */
    public static String item(int number) {
        return "item " + number;
    }

    /**
     * {@code source} in Japanese or English ({@code "7 行目"} for {@code "line 7"}); whatever follows
     * the number is kept ({@code "line 3 (Gmail)"}), and a name of the file's own is left as it is.
     */
    public static String label(String source, Locale requested) {
        Matcher m = NUMBERED.matcher(source);
        if (!m.matches()) {
            return source;
        }
        boolean japanese = requested != null && "ja".equals(requested.getLanguage());
        Locale locale = japanese ? Locale.JAPANESE : Locale.ROOT;
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        // the number as text: MessageFormat would group a long one ("1,234")
        return new MessageFormat(bundle.getString("source." + m.group(1)), locale).format(new Object[] {m.group(2)})
                + m.group(3);
    }
}
