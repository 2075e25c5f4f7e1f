package dev.mailvault.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The command's words in one language: picocli's help and every message, table header and label
 * the CLI prints. Messages are {@link MessageFormat} patterns (a literal apostrophe is written
 * twice).
 */
public final class Texts {
    public static final String BUNDLE = "dev.mailvault.cli.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Texts load(Locale locale) {
        // no fallback to the JVM's default locale: "en" must give English even on a Japanese machine
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(bundle, locale);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public boolean japanese() {
        return locale.getLanguage().equals("ja");
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing text '" + key + "' for " + locale, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
