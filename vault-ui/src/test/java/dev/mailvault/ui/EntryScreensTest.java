package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Entry screens")
class EntryScreensTest {

    @Nested
    @DisplayName("on first run, without a vault file")
    @ExtendWith(ApplicationExtension.class)
    class FirstRun {
        @TempDir
        Path dir;

        UiFixture fx;

        @Start
        void start(Stage stage) {
            fx = new UiFixture(dir);
            fx.start(stage);
        }

        @Test
        @DisplayName("the window is titled Mail Vault and offers to create a vault")
        void offersCreation(FxRobot robot) {
            assertThat(onFx(() -> robot.window("Mail Vault").isShowing())).isTrue();
            assertThat(robot.lookup("#createScreen").tryQuery()).isPresent();
        }

        @Test
        @DisplayName("the master password twice creates the vault and opens it")
        void createsAndOpens(FxRobot robot) {
            fill(robot, "#master", MASTER);
            fill(robot, "#confirm", MASTER);
            robot.clickOn("#create");
            waitUntil(() -> robot.lookup("#mainScreen").tryQuery().isPresent());
            assertThat(Files.exists(fx.vaultFile)).isTrue();
            assertThat(fx.window.isUnlocked()).isTrue();
            try (VaultSession session = fx.service.open(fx.vaultFile, UiFixture.secret(MASTER))) {
                assertThat(session.accounts()).isEmpty();
            }
        }

        @Test
        @DisplayName("two different entries are refused and nothing is created")
        void mismatch(FxRobot robot) {
            fill(robot, "#master", MASTER);
            fill(robot, "#confirm", MASTER + "x");
            robot.clickOn("#create");
            assertThat(robot.lookup("#createProblem").queryAs(Label.class).getText())
                    .contains("differ");
            assertThat(robot.lookup("#confirm").queryAs(PasswordField.class).getLength())
                    .isZero();
            assertThat(Files.exists(fx.vaultFile)).isFalse();
        }

        @Test
        @DisplayName("the strength meter rates a common password very weak and a long passphrase very strong")
        void strengthMeter(FxRobot robot) {
            robot.clickOn("#master").write("password");
            waitUntil(() ->
                    robot.lookup("#strengthText").queryAs(Label.class).getText().equals("Very weak"));
            assertThat(robot.lookup("#strengthBar").queryAs(ProgressBar.class).getProgress())
                    .isLessThan(0.3);
            robot.interact(
                    () -> robot.lookup("#master").queryAs(PasswordField.class).setText(MASTER));
            waitUntil(() ->
                    robot.lookup("#strengthText").queryAs(Label.class).getText().equals("Very strong"));
            assertThat(robot.lookup("#strengthBar").queryAs(ProgressBar.class).getProgress())
                    .isEqualTo(1.0);
        }

        @Test
        @DisplayName(
                "a weak password gets a warning under the field, a strong one none; the weak one still creates the vault")
        void weakWarning(FxRobot robot) {
            Label warning = robot.lookup("#strengthWarning").queryAs(Label.class);
            fill(robot, "#master", "tanaka1987");
            waitUntil(warning::isVisible);
            assertThat(warning.getText())
                    .isEqualTo("This master password is weak (strength 1 of 4): whoever gets a copy of the vault"
                            + " file can guess it quickly. A longer passphrase is much stronger, for example four"
                            + " or more random words.");

            fill(robot, "#master", MASTER);
            waitUntil(() ->
                    robot.lookup("#strengthText").queryAs(Label.class).getText().equals("Very strong"));
            assertThat(warning.isVisible()).isFalse();

            fill(robot, "#master", "tanaka1987");
            waitUntil(warning::isVisible);
            fill(robot, "#confirm", "tanaka1987");
            robot.clickOn("#create");
            waitUntil(() -> robot.lookup("#mainScreen").tryQuery().isPresent());
            try (VaultSession session = fx.service.open(fx.vaultFile, UiFixture.secret("tanaka1987"))) {
                assertThat(session.accounts()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("with an existing vault")
    @ExtendWith(ApplicationExtension.class)
    class Existing {
        @TempDir
        Path dir;

        UiFixture fx;

        @Start
        void start(Stage stage) {
            fx = new UiFixture(dir);
            try (VaultSession session = fx.createVault();
                    var imap = UiFixture.secret("imap-secret")) {
                session.addAccount(
                        UiFixture.spec("taro@example.jp", "imap.example.jp:993", "smtp.example.jp:465"), imap, null);
            }
            fx.start(stage);
        }

        @Test
        @DisplayName("the right master password unlocks it and lists the accounts")
        void unlocks(FxRobot robot) {
            assertThat(robot.lookup("#unlockScreen").tryQuery()).isPresent();
            fx.unlock(robot);
            TableView<?> table = robot.lookup("#accounts").queryAs(TableView.class);
            waitUntil(() -> table.getItems().size() == 1);
            assertThat(robot.lookup("taro@example.jp").tryQuery()).isPresent();
        }

        @Test
        @DisplayName("a wrong master password gives the fixed message and clears the field")
        void wrongPassword(FxRobot robot) {
            // typed key by key once, to show the field takes real keyboard input
            robot.clickOn("#master").write("wrong pw").type(javafx.scene.input.KeyCode.ENTER);
            waitUntil(() ->
                    !robot.lookup("#unlockError").queryAs(Label.class).getText().isEmpty());
            assertThat(robot.lookup("#unlockError").queryAs(Label.class).getText())
                    .isEqualTo("Wrong master password.");
            assertThat(robot.lookup("#master").queryAs(PasswordField.class).getLength())
                    .isZero();
            assertThat(fx.window.isUnlocked()).isFalse();
            assertThat(robot.lookup("#mainScreen").tryQuery()).isEmpty();
        }
    }

    /** A vault, and a provider file that could not be read when the app started. */
    private static UiFixture withUnusedProviderFile(Path dir) {
        UiFixture fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault()) {
            // only the file is needed
        }
        fx.unusedProviderFile = Optional.of(new AppConfig.UnusedProviderFile(
                Path.of("/home/taro/.config/mailvault/providers.json"),
                "not valid JSON at line 1, column 3: Unexpected character"));
        return fx;
    }

    @Nested
    @DisplayName("when the user's provider file could not be read")
    @ExtendWith(ApplicationExtension.class)
    class UnusedProviderFile {
        @TempDir
        Path dir;

        UiFixture fx;

        @Start
        void start(Stage stage) {
            fx = withUnusedProviderFile(dir);
            fx.start(stage);
        }

        @Test
        @DisplayName("the app starts, says which file it left out and why, and opens the vault")
        void toldAtStart(FxRobot robot) {
            assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText())
                    .isEqualTo("Your provider file /home/taro/.config/mailvault/providers.json was not used: not valid"
                            + " JSON at line 1, column 3: Unexpected character\nMail Vault uses its built-in providers."
                            + " Correct or remove the file, then start Mail Vault again.");
            robot.clickOn("#errorOk");
            fx.unlock(robot);
            assertThat(fx.window.isUnlocked()).isTrue();
        }
    }

    @Nested
    @DisplayName("when the user's provider file could not be read, in Japanese")
    @ExtendWith(ApplicationExtension.class)
    class UnusedProviderFileJapanese {
        @TempDir
        Path dir;

        UiFixture fx;

        @Start
        void start(Stage stage) {
            fx = withUnusedProviderFile(dir);
            fx.language = Optional.of(Settings.Language.JAPANESE);
            fx.start(stage);
        }

        @Test
        @DisplayName("the file and what the app does instead are told in Japanese")
        void toldAtStart(FxRobot robot) {
            assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText())
                    .isEqualTo("事業者の設定ファイル /home/taro/.config/mailvault/providers.json は読み込めなかったため、"
                            + "使っていません（not valid JSON at line 1, column 3: Unexpected character）。\n"
                            + "Mail Vault に組み込みの事業者の設定を使います。ファイルを直すか削除してから、"
                            + "Mail Vault を起動し直してください。");
        }
    }
}
