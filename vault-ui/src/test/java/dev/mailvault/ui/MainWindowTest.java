package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.ui.accounts.AccountRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Main window, unlocked")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        fx.clipboardClearAfter = Duration.ofMillis(700);
        try (VaultSession session = fx.createVault();
                Secret taro = UiFixture.secret("taro-imap-pass");
                Secret hanako = UiFixture.secret("hanako-pass")) {
            session.addAccount(
                    UiFixture.spec("taro@example.jp", "imap.example.jp:993", "smtp.example.jp:465"), taro, null);
            fx.clock.advance(Duration.ofDays(200));
            session.addAccount(
                    UiFixture.spec("hanako@example.com", "imap.example.com:993", "smtp.example.com:587"), hanako, null);
            session.addDevice("iPhone", DeviceType.IPHONE, List.of(Address.of("taro@example.jp")));
        }
        fx.start(stage);
    }

    private void unlock(FxRobot robot) {
        fx.unlock(robot);
    }

    /** Unlocks, then sets one choice in the settings ({@code #settingsLanguage}, say) and saves them. */
    @SuppressWarnings("unchecked")
    private void unlockAndSet(FxRobot robot, String choice, Object value) {
        unlock(robot);
        fx.setInSettings(robot, choice, value);
    }

    @SuppressWarnings("unchecked")
    private TableView<AccountRow> table(FxRobot robot) {
        return robot.lookup("#accounts").queryAs(TableView.class);
    }

    @Test
    @DisplayName("lists every account with its age band, and a banner names what is overdue")
    void tableAndBanner(FxRobot robot) {
        unlock(robot);
        List<AccountRow> rows = onFx(() -> List.copyOf(table(robot).getItems()));
        assertThat(rows).extracting(r -> r.address().value()).containsExactly("hanako@example.com", "taro@example.jp");
        assertThat(rows).extracting(AccountRow::band).containsExactly(PasswordAge.Band.FRESH, PasswordAge.Band.OVERDUE);
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("1 password is overdue");
    }

    @Test
    @DisplayName("Ctrl+F focuses the search box and the search filters the table")
    void search(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#accounts");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(onFx(() -> robot.lookup("#search").query().isFocused())).isTrue();
        robot.write("taro");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).address().value()).isEqualTo("taro@example.jp");
    }

    @Test
    @DisplayName("adding an account through the form stores it and selects it")
    void addAccount(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#addAccount");
        fill(robot, "#formAddress", "jiro@example.net");
        fill(robot, "#formImap", "imap.example.net:993");
        fill(robot, "#formSmtp", "smtp.example.net:587");
        fill(robot, "#formImapPassword", "jiro-pass");
        robot.clickOn("#formSave");
        waitUntil(() -> table(robot).getItems().size() == 3);
        fx.settle();
        waitUntil(() ->
                robot.lookup("#detailTitle").queryAs(Label.class).getText().equals("jiro@example.net"));
        try (Secret stored = fx.window.session().secret(Address.of("jiro@example.net"), CredentialRef.IMAP)) {
            assertThat(stored.revealForLegacyApi()).isEqualTo("jiro-pass");
        }
        assertThat(fx.window
                        .session()
                        .account(Address.of("jiro@example.net"))
                        .spec()
                        .smtp()
                        .toString())
                .isEqualTo("smtp.example.net:587:starttls");
    }

    @Test
    @DisplayName("a form the core refuses stays open and says why")
    void addAccountRefused(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#addAccount");
        fill(robot, "#formAddress", "not an address");
        robot.clickOn("#formSave");
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("'not an address' is not an e-mail address. Enter it as name@domain,"
                        + " for example taro@example.jp.");
        assertThat(fx.window.modal().isShowing()).isTrue();
    }

    @Test
    @DisplayName("in Japanese, a field the core refuses is named in Japanese")
    void addAccountRefusedInJapanese(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        robot.clickOn("#addAccount");
        fill(robot, "#formAddress", "jiro@example.net");
        fill(robot, "#formImap", "imap.example.net:99999");
        fill(robot, "#formSmtp", "smtp.example.net:587");
        robot.clickOn("#formSave");
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("IMAP サーバー 'imap.example.net:99999' は HOST:PORT または HOST:PORT:tls|starttls"
                        + " の形で入力してください（例：imap.example.jp:993）。");
        // every line of it shows, not cut short with an ellipsis where the window is low
        Label problem = robot.lookup("#formProblem").queryAs(Label.class);
        assertThat(problem.getHeight()).isGreaterThanOrEqualTo(problem.prefHeight(problem.getWidth()) - 0.5);
        assertThat(fx.window.modal().isShowing()).isTrue();
    }

    @Test
    @DisplayName("in Japanese, a password's interval and due date read in words, not as the spec 6m or never;"
            + " the form offers the intervals in words and stores the one picked")
    @SuppressWarnings("unchecked")
    void policyInWordsInJapanese(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        java.util.function.Supplier<String> age = () ->
                onFx(() -> robot.lookup(n -> n.getId() != null && n.getId().startsWith("age-"))
                        .queryAs(Label.class)
                        .getText());
        assertThat(age.get()).matches("経過 6 か月 · .+ に変更 · 次の変更期限 .+（6 か月ごと）").doesNotContain("6m");

        robot.clickOn("#editAccount");
        javafx.scene.control.ComboBox<String> policy =
                robot.lookup("#formPolicy").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(onFx(() -> policy.getEditor().getText())).isEqualTo("6 か月ごと");
        assertThat(onFx(() -> policy.getItems().stream()
                        .map(policy.getConverter()::toString)
                        .toList()))
                .containsExactly("3 か月ごと", "6 か月ごと", "12 か月ごと", "変更しない");
        robot.interact(() -> policy.setValue("never"));
        robot.clickOn("#formSave");
        fx.settle();
        assertThat(storedPolicy("taro@example.jp").isNever()).isTrue();
        waitUntil(() -> age.get().endsWith("変更期限なし"));
        assertThat(age.get()).doesNotContain("never");

        // a spec typed in the field, shown in words once the field is left, is stored as typed
        robot.clickOn("#editAccount");
        javafx.scene.control.ComboBox<String> again =
                robot.lookup("#formPolicy").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            again.getEditor().requestFocus();
            again.getEditor().setText("90d");
        });
        robot.clickOn("#formCaCert");
        fx.settle();
        assertThat(onFx(() -> again.getEditor().getText())).isEqualTo("90 日ごと");
        robot.clickOn("#formSave");
        fx.settle();
        waitUntil(() -> age.get().endsWith("（90 日ごと）"));
        assertThat(storedPolicy("taro@example.jp").spec()).isEqualTo("90d");
    }

    @Test
    @DisplayName("a search that matches nothing says so, in Japanese too, instead of 'no accounts yet'")
    void searchWithoutMatch(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        fill(robot, "#search", "nosuch");
        fx.settle();
        assertThat(onFx(() -> table(robot).getItems())).isEmpty();
        assertThat(onFx(() ->
                        robot.lookup("#accountsEmpty").queryAs(Label.class).getText()))
                .isEqualTo("「nosuch」に一致するアカウントはありません。検索欄を空にするとすべて表示されます。");
    }

    @Test
    @DisplayName("a provider's note in the form shows whole, not cut short where the window is low")
    void providerNoteWhole(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        robot.clickOn("#addAccount");
        fill(robot, "#formAddress", "someone@yahoo.com");
        robot.clickOn("#formDisplayName");
        fx.settle();
        Label note = robot.lookup("#formProviderNote").queryAs(Label.class);
        assertThat(onFx(note::getText)).contains("アプリ用パスワード");
        // the text the label draws is its whole text: no ellipsis
        assertThat(onFx(() -> ((javafx.scene.text.Text) note.lookup(".text")).getText()))
                .isEqualTo(onFx(note::getText));

        // the longest note (docomo's) shows whole too, and Save stays in the window: the fields scroll
        fill(robot, "#formAddress", "jiro@docomo.ne.jp");
        robot.clickOn("#formDisplayName");
        fx.settle();
        assertThat(onFx(note::getText)).contains("ドコモメール");
        assertThat(onFx(() -> ((javafx.scene.text.Text) note.lookup(".text")).getText()))
                .isEqualTo(onFx(note::getText));
        javafx.scene.Node save = robot.lookup("#formSave").query();
        assertThat(onFx(() -> save.localToScene(save.getBoundsInLocal()).getMaxY()))
                .isLessThanOrEqualTo(onFx(() -> save.getScene().getHeight()));
    }

    @Test
    @DisplayName("an address already in the vault, or a CA field that is no PEM certificate, is refused in the form")
    void addAccountTakenOrBadCa(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#addAccount");
        fill(robot, "#formAddress", "taro@example.jp");
        fill(robot, "#formImap", "imap.example.jp:993");
        fill(robot, "#formSmtp", "smtp.example.jp:465");
        fill(robot, "#formImapPassword", "another-pass");
        fill(robot, "#formCaCert", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----");
        robot.clickOn("#formSave");
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("The CA certificate is not a certificate in PEM form. Paste it whole, from"
                        + " -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or leave the field empty.");
        fill(robot, "#formCaCert", "");
        robot.clickOn("#formSave");
        fx.settle();
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("taro@example.jp is already in the vault. Enter another address, or change that account"
                        + " with Edit.");
        assertThat(fx.window.modal().isShowing()).isTrue();
        assertThat(fx.window.session().accounts()).hasSize(2);
    }

    @Test
    @DisplayName("in Japanese, editing an account to another one's address, or a bad CA field, is refused in Japanese")
    void editAccountTakenInJapanese(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        fx.settle();
        robot.clickOn("#editAccount");
        fill(robot, "#formCaCert", "MIIB");
        robot.clickOn("#formSave");
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("CA 証明書が PEM 形式の証明書ではありません。-----BEGIN CERTIFICATE----- から"
                        + " -----END CERTIFICATE----- までをすべて貼り付けるか、空欄にしてください。");
        fill(robot, "#formCaCert", "");
        fill(robot, "#formAddress", "taro@example.jp");
        robot.clickOn("#formSave");
        fx.settle();
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("taro@example.jp はすでに保管庫にあります。別のアドレスを入力するか、そのアカウントを「編集」で変更してください。");
        assertThat(fx.window.session().findAccount(Address.of("hanako@example.com")))
                .isPresent();
    }

    @Test
    @DisplayName("a device name that is empty, too long or taken is refused in the form")
    void deviceNameRefused(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        fx.settle();
        robot.clickOn("#addDevice");
        fx.settle();
        fill(robot, "#deviceName", "   ");
        robot.clickOn("#deviceSave");
        assertThat(robot.lookup("#deviceProblem").queryAs(Label.class).getText())
                .isEqualTo("A device name has 1 to 100 printable characters, for example iPhone or Office PC.");
        fill(robot, "#deviceName", "x".repeat(101));
        robot.clickOn("#deviceSave");
        assertThat(robot.lookup("#deviceProblem").queryAs(Label.class).getText())
                .isEqualTo("A device name has 1 to 100 printable characters, for example iPhone or Office PC.");
        fill(robot, "#deviceName", " iphone ");
        robot.clickOn("#deviceSave");
        fx.settle();
        assertThat(robot.lookup("#deviceProblem").queryAs(Label.class).getText())
                .isEqualTo("A device named 'iphone' is already registered. Choose another name.");
        assertThat(fx.window.session().devices()).hasSize(1);
    }

    @Test
    @DisplayName("in Japanese, a device name too long or taken is refused in Japanese")
    void deviceNameRefusedInJapanese(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        fx.settle();
        robot.clickOn("#addDevice");
        fx.settle();
        fill(robot, "#deviceName", "端".repeat(101));
        robot.clickOn("#deviceSave");
        assertThat(robot.lookup("#deviceProblem").queryAs(Label.class).getText())
                .isEqualTo("端末の名前は 1〜100 文字の表示できる文字にしてください（例：iPhone、会社のPC）。");
        fill(robot, "#deviceName", "IPHONE");
        robot.clickOn("#deviceSave");
        fx.settle();
        assertThat(robot.lookup("#deviceProblem").queryAs(Label.class).getText())
                .isEqualTo("'IPHONE' という名前の端末はすでに登録されています。別の名前にしてください。");
    }

    @Test
    @DisplayName("Ctrl+C copies the selected account's password, and the clipboard is cleared after the timeout")
    void clipboardCleared(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn("taro@example.jp");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        waitUntil(() -> "taro-imap-pass".equals(Clipboard.getSystemClipboard().getString()));
        waitUntil(() -> !Clipboard.getSystemClipboard().hasString());
    }

    @Test
    @DisplayName("the clipboard is left alone when the user copied something else meanwhile")
    void clipboardKeptWhenReplaced(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn("#copy-imap");
        waitUntil(() -> "taro-imap-pass".equals(Clipboard.getSystemClipboard().getString()));
        robot.interact(() -> {
            var content = new javafx.scene.input.ClipboardContent();
            content.putString("a note of the user's");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.sleep(1200);
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("a note of the user's");
    }

    @Test
    @DisplayName("Show reveals a credential and hiding masks it again")
    void reveal(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        robot.clickOn("#reveal-imap");
        waitUntil(
                () -> robot.lookup("#value-imap").queryAs(Label.class).getText().equals("taro-imap-pass"));
        robot.clickOn("#reveal-imap");
        assertThat(robot.lookup("#value-imap").queryAs(Label.class).getText()).doesNotContain("taro");
    }

    @Test
    @DisplayName("Ctrl+L locks: the session is closed and the unlock screen is back")
    void ctrlLLocks(FxRobot robot) {
        unlock(robot);
        var session = fx.window.session();
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#unlockScreen").tryQuery().isPresent());
        assertThat(fx.window.isUnlocked()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(session::accounts))
                .isInstanceOf(dev.mailvault.ui.common.SerialSession.LockedException.class);
        assertThat(robot.lookup("#unlockNotice").queryAs(Label.class).getText()).contains("locked");
    }

    @Test
    @DisplayName("a device holding an old password is listed, and ticking it done clears it")
    void deviceDone(FxRobot robot) {
        try (VaultSession session = fx.service.open(fx.vaultFile, UiFixture.secret(MASTER));
                Secret next = UiFixture.secret("taro-new-pass")) {
            fx.clock.advance(Duration.ofDays(1));
            session.setPending(Address.of("taro@example.jp"), CredentialRef.IMAP, next);
            session.promotePending(Address.of("taro@example.jp"), CredentialRef.IMAP, true);
        }
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        assertThat(table(robot).getItems().get(1).staleDevices()).isEqualTo(1);
        assertThat(robot.lookup(".steps .label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .anySatisfy(step -> assertThat(step).contains("taro@example.jp"));
        robot.clickOn("#done-iPhone");
        fx.settle();
        waitUntil(() -> table(robot).getItems().get(1).staleDevices() == 0);
        assertThat(fx.window.session().devices().get(0).stale()).isFalse();
        assertThat(robot.lookup("#done-iPhone").tryQuery()).isEmpty();
        assertThat(Optional.ofNullable(
                        robot.lookup("#banner").queryAs(Label.class).getText()))
                .hasValueSatisfying(t -> assertThat(t).doesNotContain("device"));
    }

    @Test
    @DisplayName("the address fills in the provider, its servers and what password it wants")
    void providerAutofill(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#addAccount");
        robot.clickOn("#formAddress").write("hanako@gmail.com");
        robot.clickOn("#formDisplayName");
        assertThat(robot.lookup("#formImap")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo("imap.gmail.com:993:tls");
        assertThat(robot.lookup("#formSmtp")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .startsWith("smtp.gmail.com:");
        assertThat(onFx(() -> robot.lookup("#formProvider")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue()
                        .toString()))
                .contains("gmail");
        assertThat(robot.lookup("#formProviderNote").queryAs(Label.class).getText())
                .contains("app password");
    }

    @Test
    @DisplayName("a device added from the detail pane is stored for the ticked account")
    void addDevice(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        fx.settle();
        robot.clickOn("#addDevice");
        fx.settle();
        fill(robot, "#deviceName", "Office PC");
        robot.clickOn("#deviceSave");
        fx.settle();
        waitUntil(() -> robot.lookup(".device-row")
                .match(n -> "device-Office PC".equals(n.getId()))
                .tryQuery()
                .isPresent());
        var device = fx.window.session().devices().stream()
                .filter(d -> d.name().equals("Office PC"))
                .findFirst()
                .orElseThrow();
        assertThat(device.uses()).extracting(u -> u.account().value()).containsOnly("hanako@example.com");
        assertThat(device.type()).isEqualTo(DeviceType.IPHONE);
    }

    @Test
    @DisplayName("the doctor's findings for the selected account are shown")
    void doctorFindings(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        waitUntil(() -> !robot.lookup("#doctor")
                .queryAs(javafx.scene.layout.VBox.class)
                .getChildren()
                .isEmpty());
        assertThat(robot.lookup("#doctor .label").queryAllAs(Label.class))
                .extracting(Label::getUserData)
                .contains(dev.mailvault.core.doctor.FindingCode.NO_CHECKS);
    }

    @Test
    @DisplayName("switching the language in the settings redraws the window in Japanese and keeps it")
    void switchLanguage(FxRobot robot) {
        unlockAndSet(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        assertThat(robot.lookup("#lock")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText())
                .isEqualTo("ロック");
        assertThat(fx.window.isUnlocked()).isTrue();
        assertThat(new dev.mailvault.ui.settings.SettingsStore(dir.resolve("config/ui.properties"))
                        .load()
                        .language())
                .isEqualTo(dev.mailvault.ui.settings.Settings.Language.JAPANESE);
    }

    @Test
    @DisplayName("editing an account keeps its password and stores the new settings")
    void editAccount(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        robot.clickOn("#editAccount");
        fill(robot, "#formDisplayName", "Taro at home");
        fill(robot, "#formImap", "imap2.example.jp:993");
        robot.clickOn("#formSave");
        fx.settle();
        var account = fx.window.session().account(Address.of("taro@example.jp"));
        assertThat(account.spec().displayName()).isEqualTo("Taro at home");
        assertThat(account.spec().imap().host()).isEqualTo("imap2.example.jp");
        try (Secret stored = fx.window.session().secret(Address.of("taro@example.jp"), CredentialRef.IMAP)) {
            assertThat(stored.revealForLegacyApi()).isEqualTo("taro-imap-pass");
        }
        waitUntil(() -> robot.lookup("Taro at home").tryQuery().isPresent());
    }

    @Test
    @DisplayName("editing an account may change the case of its own address, but not take another one's in any case")
    void editAddressCase(FxRobot robot) {
        unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        fx.settle();
        robot.clickOn("#editAccount");
        fill(robot, "#formAddress", "HANAKO@example.com");
        robot.clickOn("#formSave");
        fx.settle();
        assertThat(robot.lookup("#formProblem").queryAs(Label.class).getText())
                .isEqualTo("HANAKO@example.com is already in the vault. Enter another address, or change that account"
                        + " with Edit.");
        assertThat(fx.window.modal().isShowing()).isTrue();

        fill(robot, "#formAddress", "Taro@EXAMPLE.jp");
        robot.clickOn("#formSave");
        fx.settle();
        waitUntil(() -> !fx.window.modal().isShowing());
        waitUntil(() ->
                robot.lookup("#detailTitle").queryAs(Label.class).getText().equals("Taro@example.jp"));
        assertThat(fx.window.session().accounts())
                .extracting(a -> a.address().value())
                .containsExactlyInAnyOrder("Taro@example.jp", "hanako@example.com");
        try (Secret stored = fx.window.session().secret(Address.of("taro@example.jp"), CredentialRef.IMAP)) {
            assertThat(stored.revealForLegacyApi()).isEqualTo("taro-imap-pass");
        }
    }

    @Test
    @DisplayName("the dark theme is AtlantaFX Primer Dark, and light is Primer Light")
    void darkTheme(FxRobot robot) {
        unlockAndSet(robot, "#settingsTheme", dev.mailvault.ui.settings.Settings.Theme.DARK);
        assertThat(javafx.application.Application.getUserAgentStylesheet())
                .isEqualTo(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        robot.interact(() -> fx.window.updateSettings(
                fx.window.settings().withTheme(dev.mailvault.ui.settings.Settings.Theme.LIGHT)));
        assertThat(javafx.application.Application.getUserAgentStylesheet())
                .isEqualTo(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    /** The rotation policy the vault holds for {@code address}. */
    private dev.mailvault.core.remind.RotationPolicy storedPolicy(String address) {
        return fx.window
                .session()
                .findAccount(Address.of(address))
                .orElseThrow()
                .spec()
                .policy();
    }
}
