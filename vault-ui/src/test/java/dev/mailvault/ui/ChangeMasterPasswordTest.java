package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.ui.settings.Settings;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Changing the master password from the settings")
@ExtendWith(ApplicationExtension.class)
class ChangeMasterPasswordTest {
    static final String NEW_MASTER = "Lantern-oxbow-4-Quill-meadow-sprocket";
    static final Address ALICE = Address.of("alice@example.jp");
    static final String ALICE_SECRET = "alice-secret-pass";

    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault();
                Secret value = UiFixture.secret(ALICE_SECRET)) {
            session.addAccount(
                    UiFixture.spec(ALICE.value(), "imap.example.jp:993", "smtp.example.jp:465"), value, null);
        }
        fx.start(stage);
    }

    /** Unlocks the app, then Settings → Change master password. */
    private void openDialog(FxRobot robot) {
        fx.unlock(robot);
        robot.clickOn("#openSettings");
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robot.clickOn("#changeMaster");
        waitUntil(() -> robot.lookup("#changeMasterDialog").tryQuery().isPresent());
    }

    /** Types the three entries; waits until the strength meter is done with the new one. */
    private void enter(FxRobot robot, String current, String replacement, String repeat) {
        fill(robot, "#currentMaster", current);
        fill(robot, "#newMaster", replacement);
        fill(robot, "#repeatMaster", repeat);
        fx.settle();
    }

    private PasswordField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(PasswordField.class);
    }

    private String problem(FxRobot robot) {
        return onFx(
                () -> robot.lookup("#changeMasterProblem").queryAs(Label.class).getText());
    }

    /**
     * Locks the app (closing its session), then tries a real unlock of the vault file with {@code
     * password}; when it opens, the account's stored password must still be readable.
     */
    private boolean opensAfterLock(FxRobot robot, String password) {
        robot.interact(() -> fx.window.lock());
        try (Secret master = UiFixture.secret(password);
                VaultSession session = fx.service.open(fx.vaultFile, master);
                Secret stored = session.secret(ALICE, CredentialRef.IMAP)) {
            assertThat(stored.revealForLegacyApi()).isEqualTo(ALICE_SECRET);
            return true;
        } catch (WrongMasterPasswordException e) {
            return false;
        }
    }

    @Test
    @DisplayName("with the right current password, the new one opens the vault and the old one no longer does")
    void changes(FxRobot robot) {
        openDialog(robot);
        PasswordField current = field(robot, "#currentMaster");
        PasswordField replacement = field(robot, "#newMaster");
        PasswordField repeat = field(robot, "#repeatMaster");
        enter(robot, MASTER, NEW_MASTER, NEW_MASTER);
        robot.clickOn("#changeMasterConfirm");
        waitUntil(() -> robot.lookup("#changeMasterFinished").query().isVisible());
        fx.settle();

        assertThat(robot.lookup("#changeMasterDone").queryAs(Label.class).getText())
                .isEqualTo("Changed the master password; the old one no longer opens the vault.");
        assertThat(robot.lookup("#changeMasterKdf").queryAs(Label.class).getText())
                .contains("stays as it was", "64 MiB", "3 iterations", "parallelism 4");
        assertThat(problem(robot)).isEmpty();
        assertThat(onFx(() -> current.getLength() + replacement.getLength() + repeat.getLength()))
                .as("the entries are wiped once the change is done")
                .isZero();
        robot.clickOn("#changeMasterClose");
        waitUntil(() -> !fx.window.modal().isShowing());

        assertThat(fx.window.isUnlocked()).as("the vault stays open").isTrue();
        try (Secret stored = fx.window.session().secret(ALICE, CredentialRef.IMAP)) {
            assertThat(stored.revealForLegacyApi()).isEqualTo(ALICE_SECRET);
        }
        assertThat(opensAfterLock(robot, NEW_MASTER)).isTrue();
        assertThat(opensAfterLock(robot, MASTER)).isFalse();
    }

    @Test
    @DisplayName("the work runs in the background, shows that it runs, and a second press starts nothing")
    void busyOnce(FxRobot robot) {
        openDialog(robot);
        enter(robot, MASTER, NEW_MASTER, NEW_MASTER);
        assertThat(onFx(() -> fx.window.background().running().get())).isZero();
        record Busy(
                int tasks, boolean confirmDisabled, boolean cancelDisabled, boolean fieldsDisabled, boolean progress) {}
        Busy busy = onFx(() -> {
            Button confirm = robot.lookup("#changeMasterConfirm").queryButton();
            confirm.fire();
            confirm.fire();
            return new Busy(
                    fx.window.background().running().get(),
                    confirm.isDisabled(),
                    robot.lookup("#changeMasterCancel").queryButton().isDisabled(),
                    field(robot, "#currentMaster").isDisabled()
                            && field(robot, "#newMaster").isDisabled()
                            && field(robot, "#repeatMaster").isDisabled(),
                    robot.lookup("#changeMasterProgress").query().isVisible());
        });
        assertThat(busy).isEqualTo(new Busy(1, true, true, true, true));

        waitUntil(() -> robot.lookup("#changeMasterFinished").query().isVisible());
        assertThat(onFx(() -> robot.lookup("#changeMasterProgress").query().isVisible()))
                .isFalse();
        assertThat(opensAfterLock(robot, NEW_MASTER)).isTrue();
    }

    @Test
    @DisplayName("two different new entries are refused in the dialog, before any work, and change nothing")
    void mismatch(FxRobot robot) {
        openDialog(robot);
        enter(robot, MASTER, NEW_MASTER, NEW_MASTER + "x");
        robot.clickOn("#changeMasterConfirm");

        assertThat(problem(robot))
                .isEqualTo("The two entries of the new master password differ. Nothing was changed;"
                        + " type the new one again.");
        assertThat(onFx(() -> fx.window.background().running().get())).isZero();
        assertThat(onFx(() -> field(robot, "#repeatMaster").getLength())).isZero();
        assertThat(fx.window.modal().isShowing()).isTrue();
        assertThat(opensAfterLock(robot, MASTER)).isTrue();
        assertThat(opensAfterLock(robot, NEW_MASTER)).isFalse();
    }

    @Test
    @DisplayName("a wrong current password is refused in the dialog and changes nothing, though the vault is open")
    void wrongCurrent(FxRobot robot) {
        openDialog(robot);
        enter(robot, MASTER + "-not", NEW_MASTER, NEW_MASTER);
        robot.clickOn("#changeMasterConfirm");
        waitUntil(() -> !problem(robot).isEmpty());
        fx.settle();

        assertThat(problem(robot)).isEqualTo("The current master password is wrong. Nothing was changed.");
        assertThat(onFx(() -> robot.lookup("#changeMasterFinished").query().isVisible()))
                .isFalse();
        assertThat(onFx(() -> field(robot, "#currentMaster").getLength()))
                .as("the wrong entry is wiped, the new one is kept for the next try")
                .isZero();
        assertThat(onFx(() -> field(robot, "#newMaster").getLength())).isEqualTo(NEW_MASTER.length());
        assertThat(onFx(() -> robot.lookup("#changeMasterConfirm").queryButton().isDisabled()))
                .isFalse();
        assertThat(fx.window.isUnlocked()).isTrue();
        assertThat(opensAfterLock(robot, MASTER)).isTrue();
        assertThat(opensAfterLock(robot, NEW_MASTER)).isFalse();
    }

    @Test
    @DisplayName("an empty new password is refused, as by vault passwd, and changes nothing")
    void emptyNew(FxRobot robot) {
        openDialog(robot);
        enter(robot, MASTER, "", "");
        robot.clickOn("#changeMasterConfirm");

        assertThat(problem(robot)).isEqualTo("Enter a new master password; it must not be empty.");
        assertThat(onFx(() -> fx.window.background().running().get())).isZero();
        assertThat(opensAfterLock(robot, MASTER)).isTrue();
        assertThat(opensAfterLock(robot, "")).isFalse();
    }

    @Test
    @DisplayName("a weak new password gets the meter's warning but is accepted, as by vault passwd")
    void weakWarnsOnly(FxRobot robot) {
        openDialog(robot);
        enter(robot, MASTER, "abc", "abc");
        waitUntil(() -> robot.lookup("#newMasterStrengthText")
                .queryAs(Label.class)
                .getText()
                .equals("Very weak"));
        robot.clickOn("#changeMasterConfirm");
        waitUntil(() -> robot.lookup("#changeMasterFinished").query().isVisible());

        assertThat(opensAfterLock(robot, "abc")).isTrue();
        assertThat(opensAfterLock(robot, MASTER)).isFalse();
    }

    @Test
    @DisplayName("in Japanese, a weak new password gets the warning under the field and a strong one none")
    void weakWarningInJapanese(FxRobot robot) {
        fx.unlock(robot);
        robot.interact(() -> fx.window.updateSettings(fx.window.settings().withLanguage(Settings.Language.JAPANESE)));
        fx.settle();
        robot.clickOn("#openSettings");
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robot.clickOn("#changeMaster");
        waitUntil(() -> robot.lookup("#changeMasterDialog").tryQuery().isPresent());
        Label warning = robot.lookup("#newMasterStrengthWarning").queryAs(Label.class);

        fill(robot, "#newMaster", "hanako1987");
        waitUntil(warning::isVisible);
        assertThat(warning.getText())
                .isEqualTo("このマスターパスワードは弱く（強度 2／4）、保管庫ファイルのコピーを手に入れた人にすぐ推測されるおそれがあります。"
                        + "ランダムに選んだ単語を4つ以上並べるなど、もっと長いパスフレーズにしてください。");
        assertThat(robot.lookup("#newMasterStrengthText").queryAs(Label.class).getText())
                .isEqualTo("やや弱い");

        fill(robot, "#newMaster", NEW_MASTER);
        waitUntil(() -> robot.lookup("#newMasterStrengthText")
                .queryAs(Label.class)
                .getText()
                .equals("とても強い"));
        assertThat(warning.isVisible()).isFalse();
    }

    @Test
    @DisplayName("Cancel closes the dialog, wipes the entries and changes nothing")
    void cancel(FxRobot robot) {
        openDialog(robot);
        PasswordField current = field(robot, "#currentMaster");
        PasswordField replacement = field(robot, "#newMaster");
        PasswordField repeat = field(robot, "#repeatMaster");
        enter(robot, MASTER, NEW_MASTER, NEW_MASTER);
        robot.clickOn("#changeMasterCancel");
        waitUntil(() -> !fx.window.modal().isShowing());

        assertThat(onFx(() -> current.getLength() + replacement.getLength() + repeat.getLength()))
                .isZero();
        assertThat(onFx(() -> robot.lookup("#changeMasterDialog").tryQuery().map(Node::isVisible)))
                .isEmpty();
        assertThat(opensAfterLock(robot, MASTER)).isTrue();
        assertThat(opensAfterLock(robot, NEW_MASTER)).isFalse();
    }
}
