package dev.mailvault.cli;

import java.util.Locale;
import java.util.Map;

/** Chooses Japanese or English: {@code --lang}, else the POSIX locale variables in their order. */
public final class Lang {
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Lang() {}

    public static Locale resolve(String explicit, Map<String, String> env) {
        if (explicit != null) {
            Locale chosen = parse(explicit);
            if (chosen != null) {
                return chosen;
            }
        }
        // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG; empty means unset
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.startsWith("ja") ? JAPANESE : ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** {@code ja} or {@code en}; anything else is null. */
    public static Locale parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ja" -> JAPANESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }
}
