package dev.mailvault.ui;

import static org.testfx.util.WaitForAsyncUtils.asyncFx;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.testing.TestVaults.MutableClock;
import dev.mailvault.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real vault in a temporary folder, the app window over it, and the floor KDF parameters so that
 * creating and unlocking take a fraction of a second.
 */
final class UiFixture {
    static final String MASTER = "tarp-Wobbly-7-quince-Harbor-glyph";
    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    final Path dir;
    final Path vaultFile;
    final MutableClock clock = new MutableClock(START);
    final VaultService service;
    Duration clipboardClearAfter = Duration.ofSeconds(20);
    Optional<Duration> autoLock = Optional.empty();
    /** As {@code --lang}: the app's language from the start. */
    Optional<dev.mailvault.ui.settings.Settings.Language> language = Optional.empty();

    Optional<AppConfig.UnusedProviderFile> unusedProviderFile = Optional.empty();
    AppWindow window;
    final List<java.net.URI> openedLinks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Answers the app's file and folder dialogs. */
    final ChosenFiles files = new ChosenFiles();

    UiFixture(Path dir) {
        this.dir = dir;
        this.vaultFile = dir.resolve("vault.db");
        this.service = new VaultService(clock, new SecureRandom(), dir.resolve("state"));
    }

    AppConfig config() {
        return new AppConfig(
                vaultFile,
                service,
                ProviderCatalog.builtIn(),
                () -> KdfParameters.FLOOR,
                new SettingsStore(dir.resolve("config/ui.properties")),
                Locale.ENGLISH,
                language,
                clipboardClearAfter,
                autoLock,
                true,
                unusedProviderFile);
    }

    /**
     * Opens the app in a window of its own: TestFX hides the primary stage between tests, and a
     * hidden window is an app being closed (it locks and stops its worker).
     */
    AppWindow start(Stage primary) {
        // close the windows of earlier tests, so that look-ups only find this one's nodes
        for (javafx.stage.Window old : List.copyOf(javafx.stage.Window.getWindows())) {
            if (old != primary) {
                old.hide();
            }
        }
        Stage stage = new Stage();
        window = new AppWindow(stage, config(), openedLinks::add, files);
        window.show();
        // Monocle may leave keyboard focus with a window that was just hidden
        stage.requestFocus();
        return window;
    }

    /** A vault created outside the app, as the CLI would. */
    VaultSession createVault() {
        try (Secret master = secret(MASTER)) {
            service.create(vaultFile, master, KdfParameters.FLOOR);
        }
        try (Secret master = secret(MASTER)) {
            return service.open(vaultFile, master);
        }
    }

    static Secret secret(String value) {
        return Secret.copyOf(value.toCharArray());
    }

    static AccountSpec spec(String address, String imap, String smtp) {
        return new AccountSpec(
                Address.of(address),
                "",
                "generic",
                Endpoint.parse(imap),
                Endpoint.parse(smtp),
                null,
                null,
                true,
                null,
                null,
                RotationPolicy.DEFAULT);
    }

    /** Waits until the condition, evaluated on the FX thread, holds (background tasks included). */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the condition did not come true within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Puts text into a field the way a paste would: one change instead of one robot key press per
     * character, which under Monocle costs a few hundred milliseconds each.
     */
    static void fill(org.testfx.api.FxRobot robot, String query, String text) {
        robot.interact(() -> {
            javafx.scene.control.TextInputControl field =
                    robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
            field.requestFocus();
            field.setText(text);
        });
    }

    /** Waits until no background task of the window is running. */
    /** Unlocks with {@link #MASTER} at the unlock screen and waits for the accounts table. */
    void unlock(org.testfx.api.FxRobot robot) {
        fill(robot, "#master", MASTER);
        robot.clickOn("#unlock");
        waitUntil(() -> robot.lookup("#accounts").tryQuery().isPresent());
        settle();
    }

    /** Fires the Import / Export menu's item {@code itemId} and waits for {@code dialogQuery} to show. */
    /** Sets one choice in the settings dialog ({@code #settingsLanguage}, say) and saves them, as a user would. */
    void setInSettings(org.testfx.api.FxRobot robot, String choice, Object value) {
        robot.clickOn("#openSettings");
        robot.interact(() -> robot.lookup(choice)
                .queryAs(javafx.scene.control.ComboBox.class)
                .setValue(value));
        robot.clickOn("#settingsSave");
        settle();
    }

    void openTransfer(org.testfx.api.FxRobot robot, String itemId, String dialogQuery) {
        robot.interact(
                () -> robot.lookup("#transfer").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                        .filter(i -> itemId.equals(i.getId()))
                        .findFirst()
                        .orElseThrow()
                        .fire());
        waitUntil(() -> robot.lookup(dialogQuery).tryQuery().isPresent());
    }

    void settle() {
        waitUntil(() -> window.background().running().get() == 0);
    }

    static <T> T onFx(Callable<T> call) {
        try {
            return asyncFx(call).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
