package dev.mailvault.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command's words in one language: picocli's help and every message, table header and label
 * the CLI prints. Messages are {@link MessageFormat} patterns (a literal apostrophe is written
 * twice).
 */
public final class Texts {
    public static final String BUNDLE = "dev.mailvault.cli.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Parsed patterns: a table row asks for the same few texts a thousand times. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    /** Texts without arguments, formatted once: a table of 10,000 rows asks for each a few times per row. */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Texts load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, BUNDLES);
        return new Texts(bundle, locale);
    }

    /**
     * The bundles are classes made from messages*.properties at build time (BundleClasses), and
     * only those that exist are asked for: English is the base bundle, and a look for a
     * {@code messages_en} would search every jar on the class path in vain (~40 ms of a start).
     * No fallback to the JVM's default locale: "en" must give English even on a Japanese machine.
     */
    private static final ResourceBundle.Control BUNDLES = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_CLASS;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return locale.getLanguage().equals("ja") ? List.of(Locale.JAPANESE, Locale.ROOT) : List.of(Locale.ROOT);
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    };

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
        if (args.length == 0) {
            return plain.computeIfAbsent(key, k -> format(k));
        }
        return format(key, args);
    }

    private String format(String key, Object... args) {
        MessageFormat format = formats.computeIfAbsent(key, k -> {
            try {
                return new MessageFormat(bundle.getString(k), locale);
            } catch (MissingResourceException e) {
                throw new IllegalStateException("missing text '" + k + "' for " + locale, e);
            }
        });
        synchronized (format) { // MessageFormat is not thread-safe; verify's workers print too
            return format.format(args);
        }
    }
}
