package dev.mailvault.ui.settings;

import java.time.Duration;
import java.util.Locale;

/** The desktop app's own preferences: language, theme, and when to lock by itself. */
public record Settings(Language language, Theme theme, int autoLockMinutes) {
    public static final int DEFAULT_AUTO_LOCK_MINUTES = 5;
    public static final int MIN_AUTO_LOCK_MINUTES = 1;
    public static final int MAX_AUTO_LOCK_MINUTES = 60;

    public static final Settings DEFAULTS = new Settings(Language.SYSTEM, Theme.LIGHT, DEFAULT_AUTO_LOCK_MINUTES);

    public enum Language {
        SYSTEM,
        ENGLISH,
        JAPANESE;

        public Locale locale(Locale system) {
            return switch (this) {
                case SYSTEM -> system;
                case ENGLISH -> Locale.ENGLISH;
                case JAPANESE -> Locale.JAPANESE;
            };
        }
    }

    public enum Theme {
        LIGHT,
        DARK
    }

    public Settings {
        language = language == null ? Language.SYSTEM : language;
        theme = theme == null ? Theme.LIGHT : theme;
        autoLockMinutes = Math.max(MIN_AUTO_LOCK_MINUTES, Math.min(MAX_AUTO_LOCK_MINUTES, autoLockMinutes));
    }

    public Duration autoLock() {
        return Duration.ofMinutes(autoLockMinutes);
    }

    public Settings withLanguage(Language value) {
        return new Settings(value, theme, autoLockMinutes);
    }

    public Settings withTheme(Theme value) {
        return new Settings(language, value, autoLockMinutes);
    }

    public Settings withAutoLockMinutes(int value) {
        return new Settings(language, theme, value);
    }
}
