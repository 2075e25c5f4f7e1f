package dev.mailvault.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and writes the app's preferences in {@code $XDG_CONFIG_HOME/mailvault/ui.properties} (else
 * {@code ~/.config/mailvault/ui.properties}). Nothing secret is in it. A missing or unreadable
 * entry falls back to its default, so a hand-edited file never stops the app from starting.
 */
public final class SettingsStore {
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static Path defaultFile(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("mailvault").resolve("ui.properties");
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Settings.DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            return Settings.DEFAULTS;
        }
        return new Settings(
                parse(Settings.Language.class, p.getProperty("language"), Settings.Language.SYSTEM),
                parse(Settings.Theme.class, p.getProperty("theme"), Settings.Theme.LIGHT),
                parseInt(p.getProperty("autoLockMinutes"), Settings.DEFAULT_AUTO_LOCK_MINUTES));
    }

    public void save(Settings settings) {
        Properties p = new Properties();
        p.setProperty("language", settings.language().name().toLowerCase(Locale.ROOT));
        p.setProperty("theme", settings.theme().name().toLowerCase(Locale.ROOT));
        p.setProperty("autoLockMinutes", Integer.toString(settings.autoLockMinutes()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Mail Vault desktop app");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings to " + file, e);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
