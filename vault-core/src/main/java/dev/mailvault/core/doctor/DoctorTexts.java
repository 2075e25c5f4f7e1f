package dev.mailvault.core.doctor;

import dev.mailvault.core.provider.LocalizedText;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The doctor's resource bundle and the few argument kinds its texts take: plain values, texts that
 * exist in both languages, nested messages and lists. Every text goes through {@link
 * MessageFormat}, so a literal apostrophe is written twice in the bundles.
 */
final class DoctorTexts {
    private static final String BUNDLE = "dev.mailvault.core.doctor.DoctorTexts";

    /** A nested message, rendered in the same language as the finding around it. */
    record Msg(String key, List<Object> args) {
        Msg(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** A value rendered by a function of the language, such as a provider's own notice. */
    interface Localized extends Function<Locale, String> {}

    private DoctorTexts() {}

    static ResourceBundle bundle(Locale requested) {
        // No fallback control: with a Japanese default locale, English must not fall back to Japanese.
        return ResourceBundle.getBundle(
                BUNDLE,
                LocalizedText.isJapanese(requested) ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String render(Locale locale, String key, List<Object> args) {
        ResourceBundle bundle = bundle(locale);
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(locale, args.get(i));
        }
        Locale format = LocalizedText.isJapanese(locale) ? Locale.JAPANESE : Locale.ENGLISH;
        return new MessageFormat(bundle.getString(key), format).format(values).strip();
    }

    private static Object value(Locale locale, Object arg) {
        if (arg instanceof Msg msg) {
            return render(locale, msg.key(), msg.args());
        }
        if (arg instanceof LocalizedText text) {
            return text.get(locale);
        }
        if (arg instanceof Localized localized) {
            return localized.apply(locale);
        }
        if (arg instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                parts.add(String.valueOf(value(locale, item)));
            }
            return String.join(LocalizedText.isJapanese(locale) ? "、" : ", ", parts);
        }
        return arg == null ? "" : String.valueOf(arg);
    }
}
