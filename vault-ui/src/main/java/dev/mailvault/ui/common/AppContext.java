package dev.mailvault.ui.common;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.ui.settings.Settings;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;

/** What every controller may use: words, the worker, the open vault, and the window's services. */
public interface AppContext {
    Texts texts();

    Background background();

    VaultService service();

    ProviderCatalog catalog();

    /** The unlocked vault; calls are serialised, and fail with {@link SerialSession.LockedException} once locked. */
    VaultSession session();

    SecretClipboard clipboard();

    ModalHost modal();

    /** Asks for files and folders to import from or export to. */
    FilePicker files();

    Settings settings();

    default Clock clock() {
        return service().clock();
    }

    /** Randomness for generated passwords. */
    SecureRandom random();

    /** Opens a provider's https page in the user's browser. */
    void openLink(URI url);

    /** Wipes the keys and returns to the unlock screen. */
    void lock();

    /** Saves the settings and applies them (theme, language, auto-lock) at once. */
    void updateSettings(Settings settings);

    /** Shows a failure to the user in words; never a stack trace. */
    void showError(Throwable error);
}
