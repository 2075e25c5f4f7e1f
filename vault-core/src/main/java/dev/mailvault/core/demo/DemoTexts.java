package dev.mailvault.core.demo;

import dev.mailvault.core.provider.LocalizedText;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of the demo's tour in Japanese or English, from this package's {@code messages} bundle. */
public final class DemoTexts {
    private static final String BUNDLE = "dev.mailvault.core.demo.messages";

    private DemoTexts() {}

    /** What the demo set up: the server's ports, the vault's folder and its master password. */
    public static String introduction(Demo demo, Locale locale) {
        return get(
                locale,
                "intro",
                String.valueOf(demo.server().imaps().port()),
                String.valueOf(demo.server().smtps().port()),
                demo.folder().toString(),
                Demo.MASTER_PASSWORD);
    }

    /** The closing words after the last step. */
    public static String conclusion(Locale locale) {
        return get(locale, "done");
    }

    static String get(Locale locale, String key, Object... args) {
        // no fallback: with a Japanese default locale, English must not come out in Japanese
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                LocalizedText.isJapanese(locale) ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(
                        bundle.getString(key), LocalizedText.isJapanese(locale) ? Locale.JAPANESE : Locale.ENGLISH)
                .format(args);
    }
}
