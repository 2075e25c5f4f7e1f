package dev.mailvault.ui;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.demo.Demo;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyRunner;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.ui.settings.Settings;
import dev.mailvault.ui.settings.SettingsStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the app's main screens to PNG files over the demo vault (with its embedded mail server),
 * using the scene's own snapshot under Monocle: no display needed. Run by {@code
 * vault-ui/screenshots.sh}; not a test.
 */
public final class Screenshots {
    private final Path out;
    private final Demo demo;
    private final Path settingsDir;
    private AppWindow window;
    private Stage stage;
    /** What the import and export dialogs' file choosers answer next. */
    private Path nextFile;

    private Screenshots(Path out, Demo demo, Path settingsDir) {
        this.out = out;
        this.demo = demo;
        this.settingsDir = settingsDir;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Clock clock = Clock.systemDefaultZone();
        Path settingsDir = Files.createTempDirectory("mailvault-screenshots-");
        try (Demo demo = Demo.start(clock, new SecureRandom())) {
            // the user has changed the SoftBank password at the provider; one verify run of
            // everything records the checks the table shows and promotes that rotation
            demo.changePasswordAtProvider();
            verifyAll(demo, clock);
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            // one window is closed before the next opens: the toolkit must outlive it
            Platform.setImplicitExit(false);
            started.get(60, TimeUnit.SECONDS);
            new Screenshots(out, demo, settingsDir).run();
        } finally {
            Platform.exit();
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
    }

    private static void verifyAll(Demo demo, Clock clock) throws InterruptedException {
        try (Secret master = Demo.masterPassword();
                VaultSession session = demo.service().open(demo.vaultFile(), master);
                LoginChecker checker = LoginChecker.jakartaMail(VerifyOptions.defaults(clock))) {
            new VerifyService(session, ProviderCatalog.builtIn(), checker, clock)
                    .verify(
                            new VerifyService.Request(
                                    List.of(), false, VerifyRunner.DEFAULT_PARALLEL, VerifyRunner.DEFAULT_PER_HOST),
                            VerifyService.Listener.NONE,
                            new Cancellation());
        }
    }

    private AppConfig config(Path vaultFile) {
        return new AppConfig(
                vaultFile,
                demo.service(),
                ProviderCatalog.builtIn(),
                () -> KdfParameters.FLOOR,
                new SettingsStore(settingsDir.resolve("ui.properties")),
                Locale.ENGLISH,
                Optional.empty(),
                AppConfig.CLIPBOARD_CLEAR_AFTER,
                Optional.empty(),
                true,
                Optional.empty());
    }

    private void run() throws Exception {
        open(config(demo.vaultFile()));
        shoot("unlock.png");

        fill("#master", Demo.MASTER_PASSWORD);
        fx(() -> ((Button) node("#unlock")).fire());
        waitFor(() -> node("#accounts") != null
                && ((TableView<?>) node("#accounts")).getItems().size() == 6);
        select("mailvault_demo@yahoo.co.jp");
        fx(() -> ((Button) node("#verifyNow")).fire());
        settle();
        shoot("main.png");

        select("taro.demo@i.softbank.jp");
        scrollDetailTo("#devices");
        shoot("devices.png");

        fx(() -> window.updateSettings(window.settings().withTheme(Settings.Theme.DARK)));
        select("mailvault_demo@yahoo.co.jp");
        shoot("main-dark.png");

        fx(() -> window.updateSettings(window.settings().withTheme(Settings.Theme.LIGHT)));
        select("hanako.demo@docomo.ne.jp");
        fx(() -> ((Button) node("#rotate-imap")).fire());
        settle();
        shoot("rotation.png");
        fx(() -> window.modal().hide());

        openAudit();
        shoot("audit.png");
        fx(() -> ((Button) node("#auditBack")).fire());
        settle();
        openChangeMaster();
        shoot("change-master.png");
        fx(() -> window.modal().hide());

        shootTransfer("");

        fx(() -> window.updateSettings(window.settings().withLanguage(Settings.Language.JAPANESE)));
        select("mailvault_demo@yahoo.co.jp");
        shoot("main-ja.png");
        shootTransfer("-ja");
        openAudit();
        shoot("audit-ja.png");
        fx(() -> ((Button) node("#auditBack")).fire());
        settle();
        openChangeMaster();
        shoot("change-master-ja.png");
        fx(() -> window.modal().hide());
        fx(() -> window.updateSettings(window.settings().withLanguage(Settings.Language.ENGLISH)));
        fx(window::lock);
        fx(stage::hide);

        open(config(demo.folder().resolve("new-vault.db")));
        fill("#master", "correct horse battery");
        fill("#confirm", "correct horse battery");
        waitFor(() -> !"Not entered".equals(((javafx.scene.control.Label) node("#strengthText")).getText()));
        shoot("create.png");
        fx(stage::hide);
    }

    /** The import dialog over a small KeePassXC CSV, then the plaintext export's confirmation. */
    private void shootTransfer(String suffix) throws Exception {
        Path csv = demo.folder().resolve("keepassxc" + suffix + ".csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\"",
                        "\"Mail\",\"Gmail\",\"hanako.example@gmail.com\",\"pw-1\",\"https://mail.google.com\",\"\"",
                        "\"Mail\",\"Work\",\"ken@example.org\",\"pw-2\",\"imaps://mail.example.org\","
                                + "\"SMTP: smtp.example.org:587\"",
                        "\"Mail\",\"Yahoo\",\"mailvault_demo@yahoo.co.jp\",\"pw-3\",\"\",\"\"",
                        "\"Web\",\"Bank\",\"hanako\",\"pw-4\",\"https://bank.example\",\"\"",
                        ""));
        fx(() -> ((javafx.scene.control.MenuButton) node("#transfer"))
                .getItems()
                .get(0)
                .fire());
        nextFile = csv;
        fx(() -> ((Button) node("#importChoose")).fire());
        fx(() -> ((Button) node("#importRead")).fire());
        waitFor(() -> node("#importToAdd") != null);
        shoot("import" + suffix + ".png");
        fx(() -> window.modal().hide());

        fx(() -> ((javafx.scene.control.MenuButton) node("#transfer"))
                .getItems()
                .get(1)
                .fire());
        fx(() -> ((javafx.scene.control.RadioButton) node("#exportFormat-keepassxc-csv")).fire());
        nextFile = demo.folder().resolve("export" + suffix + ".csv");
        fx(() -> ((Button) node("#exportChoose")).fire());
        fx(() -> ((javafx.scene.control.CheckBox) node("#exportUnderstood")).setSelected(true));
        fill("#exportMaster", Demo.MASTER_PASSWORD);
        shoot("export" + suffix + ".png");
        fx(() -> window.modal().hide());
        settle();
    }

    private dev.mailvault.ui.common.FilePicker picker() {
        return new dev.mailvault.ui.common.FilePicker() {
            @Override
            public Optional<Path> openFile(String title, String filterName, List<String> patterns) {
                return Optional.ofNullable(nextFile);
            }

            @Override
            public Optional<Path> openFolder(String title) {
                return Optional.ofNullable(nextFile);
            }

            @Override
            public Optional<Path> saveFile(String title, String initialName, String filterName, List<String> patterns) {
                return Optional.ofNullable(nextFile);
            }
        };
    }

    private void open(AppConfig config) throws Exception {
        fx(() -> {
            stage = new Stage();
            window = new AppWindow(stage, config, url -> {}, picker());
            window.show();
            stage.setWidth(1280);
            stage.setHeight(820);
        });
        settle();
    }

    /** Settings, then the master password dialog, filled in far enough for the strength meter. */
    private void openChangeMaster() throws Exception {
        fx(() -> ((Button) node("#openSettings")).fire());
        fx(() -> ((Button) node("#changeMaster")).fire());
        String empty = call(() -> ((javafx.scene.control.Label) node("#newMasterStrengthText")).getText());
        fill("#currentMaster", Demo.MASTER_PASSWORD);
        fill("#newMaster", "correct horse battery");
        waitFor(() -> !empty.equals(((javafx.scene.control.Label) node("#newMasterStrengthText")).getText()));
    }

    private void openAudit() throws Exception {
        fx(() -> ((Button) node("#openAudit")).fire());
        waitFor(() -> node("#auditRunning") != null && !node("#auditRunning").isVisible());
        settle();
    }

    /** A node of the current window; from the FX thread only. */
    private Node node(String selector) {
        return stage.getScene().lookup(selector);
    }

    private void fill(String selector, String text) {
        fx(() -> {
            TextInputControl field = (TextInputControl) stage.getScene().lookup(selector);
            field.setText(text);
        });
    }

    @SuppressWarnings("unchecked")
    private void select(String address) throws Exception {
        fx(() -> {
            TableView<dev.mailvault.ui.accounts.AccountRow> table = (TableView<dev.mailvault.ui.accounts.AccountRow>)
                    stage.getScene().lookup("#accounts");
            table.getItems().stream()
                    .filter(r -> r.address().value().equals(address))
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        });
        settle();
    }

    private void scrollDetailTo(String selector) throws Exception {
        fx(() -> {
            var scroll = (javafx.scene.control.ScrollPane) stage.getScene().lookup("#detailPane .scroll-pane");
            Node target = stage.getScene().lookup(selector);
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double y = target.localToScene(0, 0).getY()
                    - scroll.getContent().localToScene(0, 0).getY();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 40) / Math.max(1, contentHeight - viewport))));
        });
        settle();
    }

    /** Waits for the background work and a few pulses, so the layout is final. */
    private void settle() throws Exception {
        waitFor(() -> window.background().running().get() == 0);
        for (int i = 0; i < 5; i++) {
            fx(() -> {});
            Thread.sleep(60);
        }
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not reach the expected state within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private void shoot(String name) throws Exception {
        settle();
        WritableImage image = call(() -> {
            Scene scene = stage.getScene();
            return scene.snapshot(null);
        });
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(png, "png", out.resolve(name).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + name, e);
        }
        System.out.println("  " + name);
    }

    private static void fx(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
