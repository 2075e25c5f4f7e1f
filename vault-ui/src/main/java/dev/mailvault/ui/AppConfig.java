package dev.mailvault.ui;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.ui.settings.Settings;
import dev.mailvault.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the app is started with. Tests build their own: a vault in a temporary folder, the floor
 * KDF parameters instead of a calibration, short timeouts.
 *
 * @param catalog the built-in providers with the user's own entries (the same file the CLI reads)
 * @param calibration chooses the KDF parameters for a new vault (normally: about one second here)
 * @param language a language given on the command line, over the saved setting
 * @param autoLockOverride replaces the auto-lock setting (tests use milliseconds)
 * @param debug {@code --debug}: errors shown to the user are also written to standard error with
 *     their cause (messages never hold secrets)
 * @param unusedProviderFile the user's provider file when it could not be read: the app then runs
 *     with the built-in providers and says so at start, rather than refusing to open the vault
 */
public record AppConfig(
        Path vaultFile,
        VaultService service,
        ProviderCatalog catalog,
        Supplier<KdfParameters> calibration,
        SettingsStore settingsStore,
        Locale systemLocale,
        Optional<Settings.Language> language,
        Duration clipboardClearAfter,
        Optional<Duration> autoLockOverride,
        boolean debug,
        Optional<UnusedProviderFile> unusedProviderFile) {

    public static final Duration CLIPBOARD_CLEAR_AFTER = Duration.ofSeconds(20);
    public static final Duration UNLOCK_TARGET = Duration.ofSeconds(1);

    public AppConfig {
        Objects.requireNonNull(vaultFile, "vaultFile");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(settingsStore, "settingsStore");
        Objects.requireNonNull(systemLocale, "systemLocale");
        Objects.requireNonNull(clipboardClearAfter, "clipboardClearAfter");
        language = language == null ? Optional.empty() : language;
        autoLockOverride = autoLockOverride == null ? Optional.empty() : autoLockOverride;
        unusedProviderFile = unusedProviderFile == null ? Optional.empty() : unusedProviderFile;
    }

    /** A provider file that was not used, and the core's reason (without the file's name, which it begins with). */
    public record UnusedProviderFile(Path file, String reason) {
        static UnusedProviderFile of(Path file, BadInputException e) {
            String prefix = file + ": ";
            String message = e.getMessage();
            return new UnusedProviderFile(
                    file, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** The real thing: arguments, environment, the user's folders, a calibrated KDF. */
    public static AppConfig fromArguments(List<String> args, Map<String, String> env) {
        Arguments parsed = Arguments.parse(args);
        VaultService service = VaultService.system();
        Path home = VaultService.home(env);
        Path providerFile = ProviderCatalog.overridesFile(env, home);
        ProviderCatalog catalog = ProviderCatalog.builtIn();
        Optional<UnusedProviderFile> unused = Optional.empty();
        try {
            catalog = catalog.withOverrides(providerFile);
        } catch (BadInputException e) {
            unused = Optional.of(UnusedProviderFile.of(providerFile, e));
        }
        return new AppConfig(
                parsed.vault().orElseGet(() -> VaultService.defaultVaultPath(env)),
                service,
                catalog,
                () -> service.calibrate(UNLOCK_TARGET),
                new SettingsStore(SettingsStore.defaultFile(env, home)),
                Locale.getDefault(),
                parsed.language(),
                CLIPBOARD_CLEAR_AFTER,
                Optional.empty(),
                parsed.debug(),
                unused);
    }

    /**
     * {@code --vault FILE}, {@code --lang ja|en} and {@code --debug}, as the CLI's global options;
     * anything else is refused with what is allowed.
     */
    record Arguments(Optional<Path> vault, Optional<Settings.Language> language, boolean debug) {
        static Arguments parse(List<String> args) {
            Optional<Path> vault = Optional.empty();
            Optional<Settings.Language> language = Optional.empty();
            boolean debug = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String value;
                String name;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else {
                    name = arg;
                    value = i + 1 < args.size() ? args.get(i + 1) : null;
                    if (name.equals("--vault") || name.equals("--lang")) {
                        i++;
                    }
                }
                switch (name) {
                    case "--vault" -> {
                        if (value == null || value.isBlank()) {
                            throw new BadInputException("--vault needs a file name");
                        }
                        vault = Optional.of(Path.of(value));
                    }
                    case "--lang" -> {
                        if ("ja".equals(value)) {
                            language = Optional.of(Settings.Language.JAPANESE);
                        } else if ("en".equals(value)) {
                            language = Optional.of(Settings.Language.ENGLISH);
                        } else {
                            throw new BadInputException("--lang must be ja or en, was '" + value + "'");
                        }
                    }
                    case "--debug" -> debug = true;
                    default ->
                        throw new BadInputException(
                                "unknown argument '" + arg + "' (allowed: --vault FILE, --lang ja|en, --debug)");
                }
            }
            return new Arguments(vault, language, debug);
        }
    }
}
