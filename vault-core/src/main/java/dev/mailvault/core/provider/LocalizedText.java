package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/**
 * A text users read, in Japanese and English. {@link #get(Locale)} gives Japanese for a Japanese
 * locale and English for every other one.
 */
public record LocalizedText(String ja, String en) {
    public LocalizedText {
        if (ja == null || ja.isBlank() || en == null || en.isBlank()) {
            throw new BadInputException("a text needs both a Japanese and an English version");
        }
        ja = ja.strip();
        en = en.strip();
    }

    /** The same words for both languages, for names that are not translated (such as a brand). */
    public static LocalizedText same(String text) {
        return new LocalizedText(text, text);
    }

    public String get(Locale locale) {
        return isJapanese(locale) ? ja : en;
    }

    public static boolean isJapanese(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage());
    }
}
