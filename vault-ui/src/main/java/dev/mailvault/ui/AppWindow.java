package dev.mailvault.ui;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.ui.accounts.AccountsController;
import dev.mailvault.ui.audit.AuditController;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.Background;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.FilePicker;
import dev.mailvault.ui.common.IdleLock;
import dev.mailvault.ui.common.ModalHost;
import dev.mailvault.ui.common.Screen;
import dev.mailvault.ui.common.SecretClipboard;
import dev.mailvault.ui.common.SerialSession;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.common.Themes;
import dev.mailvault.ui.settings.Settings;
import dev.mailvault.ui.settings.SettingsController;
import dev.mailvault.ui.unlock.CreateVaultController;
import dev.mailvault.ui.unlock.UnlockController;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The one window: shows the create or unlock screen until the vault is open, then the accounts
 * (or the audit list, reached from them).
 * Locking (Ctrl+L, the button, or idle time) closes the session, which wipes the keys, and goes
 * back to the unlock screen.
 */
public final class AppWindow implements AppContext {
    public static final String TITLE = "Mail Vault";
    private static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage;
    private final AppConfig config;
    private final StackPane content = new StackPane();
    private final ModalHost modal = new ModalHost();
    private final Scene scene;
    private final Background background = new Background();
    private final SecretClipboard clipboard;
    private final IdleLock idleLock;
    private final Consumer<URI> linkOpener;
    private final FilePicker files;
    private final SecureRandom random = new SecureRandom();
    private Settings settings;
    /** The language asked for on the command line, until the user picks one in the settings. */
    private Optional<Settings.Language> languageOverride;

    private Texts texts;
    private VaultSession session;
    private Screen current;

    public AppWindow(Stage stage, AppConfig config, Consumer<URI> linkOpener) {
        this(stage, config, linkOpener, FilePicker.dialogs(stage));
    }

    /** {@code files} replaces the system's file dialogs (tests). */
    public AppWindow(Stage stage, AppConfig config, Consumer<URI> linkOpener, FilePicker files) {
        this.stage = stage;
        this.config = config;
        this.linkOpener = linkOpener;
        this.files = files;
        this.settings = config.settingsStore().load();
        this.languageOverride = config.language();
        this.texts = Texts.forLocale(locale());
        this.scene = new Scene(new StackPane(content, modal.node()), 1180, 740);
        this.clipboard = new SecretClipboard(Clipboard.getSystemClipboard(), config.clipboardClearAfter());
        this.idleLock = new IdleLock(scene, this::lock);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (LOCK.match(e) && session != null) {
                e.consume();
                lock();
            }
        });
    }

    public void show() {
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        Themes.apply(scene, settings.theme());
        showEntry(null);
        stage.setOnHidden(e -> shutdown());
        stage.show();
        config.unusedProviderFile()
                .ifPresent(unused -> showMessage(texts.get("error.providerFile", unused.file(), unused.reason())));
    }

    public Scene scene() {
        return scene;
    }

    public boolean isUnlocked() {
        return session != null;
    }

    private java.util.Locale locale() {
        return languageOverride.orElse(settings.language()).locale(config.systemLocale());
    }

    private void showEntry(String notice) {
        // the window, not the screen, decides what an opened session is for: if the user locked or
        // switched language meanwhile, the late session is closed at once
        Screen[] entry = new Screen[1];
        Consumer<VaultSession> opened = raw -> opened(raw, entry[0]);
        entry[0] = Files.exists(config.vaultFile())
                ? new UnlockController(this, config.vaultFile(), notice, opened)
                : new CreateVaultController(this, config.vaultFile(), config.calibration(), opened);
        setScreen(entry[0]);
    }

    private void opened(VaultSession raw, Screen from) {
        if (current != from) {
            raw.close();
            return;
        }
        session = SerialSession.wrap(raw);
        showMain();
        idleLock.arm(autoLock());
    }

    private void showMain() {
        AccountsController accounts = new AccountsController(this, this::openSettings, this::showAudit);
        accounts.setNotice(session.rollback()
                .map(r -> texts.get("notice.rollback", String.valueOf(r.generation()), String.valueOf(r.lastSeen()))));
        setScreen(accounts);
    }

    /** A new audit screen each time: it runs the audit again, so it shows the vault as it is now. */
    private void showAudit() {
        setScreen(new AuditController(this, this::showMain));
    }

    private void setScreen(Screen screen) {
        if (current != null) {
            current.dispose();
        }
        current = screen;
        content.getChildren().setAll(screen.view());
    }

    private Duration autoLock() {
        return config.autoLockOverride().orElse(settings.autoLock());
    }

    private void openSettings() {
        new SettingsController(this).show();
    }

    @Override
    public void lock() {
        if (session == null) {
            return;
        }
        idleLock.disarm();
        modal.hide();
        clipboard.clearIfOurs();
        VaultSession closing = session;
        session = null;
        showEntry(texts.get("unlock.locked"));
        closing.close();
    }

    private void shutdown() {
        if (session != null) {
            lock();
        }
        clipboard.clearIfOurs();
        background.close();
    }

    @Override
    public Texts texts() {
        return texts;
    }

    @Override
    public Background background() {
        return background;
    }

    @Override
    public VaultService service() {
        return config.service();
    }

    @Override
    public SecureRandom random() {
        return random;
    }

    @Override
    public void openLink(URI url) {
        linkOpener.accept(url);
    }

    @Override
    public ProviderCatalog catalog() {
        return config.catalog();
    }

    @Override
    public VaultSession session() {
        if (session == null) {
            throw new SerialSession.LockedException();
        }
        return session;
    }

    @Override
    public SecretClipboard clipboard() {
        return clipboard;
    }

    @Override
    public ModalHost modal() {
        return modal;
    }

    @Override
    public FilePicker files() {
        return files;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public void updateSettings(Settings chosen) {
        try {
            config.settingsStore().save(chosen);
        } catch (RuntimeException e) {
            showError(e);
        }
        if (chosen.language() != settings.language()) {
            languageOverride = Optional.empty();
        }
        settings = chosen;
        texts = Texts.forLocale(locale());
        Themes.apply(scene, settings.theme());
        if (session != null) {
            idleLock.arm(autoLock());
            showMain();
        } else {
            showEntry(null);
        }
    }

    @Override
    public void showError(Throwable error) {
        if (session == null && error instanceof SerialSession.LockedException) {
            return; // a task that outlived the session: nothing to tell
        }
        if (config.debug()) {
            error.printStackTrace();
        }
        showMessage(ErrorTexts.describe(error, texts));
    }

    /** A failure already in words, in a dialog over the window. */
    private void showMessage(String text) {
        Label heading = new Label(texts.get("error.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label message = new Label(text);
        message.setId("errorMessage");
        message.setWrapText(true);
        message.setMaxWidth(460);
        Button ok = new Button(texts.get("error.ok"));
        ok.setId("errorOk");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> modal.hide());
        HBox buttons = new HBox(ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox dialog = new VBox(12, heading, message, buttons);
        dialog.setId("errorDialog");
        modal.show(dialog);
    }
}
