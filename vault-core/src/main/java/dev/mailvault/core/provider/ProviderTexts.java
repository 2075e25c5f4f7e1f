package dev.mailvault.core.provider;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The provider package's own resource bundle, in Japanese or English (never the JVM's default).
 * Every text goes through {@link MessageFormat}, so a literal apostrophe is written twice in all of
 * them.
 */
final class ProviderTexts {
    private static final String BUNDLE = "dev.mailvault.core.provider.ProviderTexts";

    private ProviderTexts() {}

    static String text(Locale requested, String key, Object... args) {
        Locale locale = LocalizedText.isJapanese(requested) ? Locale.JAPANESE : Locale.ROOT;
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
