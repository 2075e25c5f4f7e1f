package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.ImportFormat;
import dev.mailvault.core.transfer.ImportPlan;
import dev.mailvault.core.transfer.Importer;
import dev.mailvault.core.transfer.PlannedAccount;
import dev.mailvault.core.transfer.ServerLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.control.CheckBox;
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

@DisplayName("Exporting the vault")
@ExtendWith(ApplicationExtension.class)
class ExportTest {
    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault()) {
            for (String name : List.of("alice", "bob")) {
                try (Secret value = UiFixture.secret(name + "-secret-pass")) {
                    session.addAccount(
                            UiFixture.spec(name + "@example.jp", "imap.example.jp:993", "smtp.example.jp:465"),
                            value,
                            null);
                }
            }
        }
        fx.start(stage);
    }

    private void unlockAndOpenExport(FxRobot robot) {
        fx.unlock(robot);
        fx.openTransfer(robot, "openExport", "#exportDialog");
    }

    private void choose(FxRobot robot, Path file) {
        fx.files.next(file);
        robot.clickOn("#exportChoose");
        fx.settle();
    }

    private String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private boolean exportDisabled(FxRobot robot) {
        return onFx(() -> robot.lookup("#exportConfirm").queryButton().isDisabled());
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    @DisplayName("a backup is an encrypted copy, mode 0600, that opens as a vault with the same master password")
    void backup(FxRobot robot) throws Exception {
        Path target = dir.resolve("copies").resolve("backup.db");
        Files.createDirectories(target.getParent());
        unlockAndOpenExport(robot);
        choose(robot, target);
        assertThat(text(robot, "#exportFile")).isEqualTo(target.toString());
        assertThat(fx.files.asked).last().asString().startsWith("save: ");
        robot.clickOn("#exportConfirm");
        fx.settle();
        waitUntil(() -> robot.lookup("#exportDone").query().isVisible());
        assertThat(text(robot, "#exportResult"))
                .isEqualTo("Wrote an encrypted backup of 2 accounts to " + target
                        + ". It opens with the same master password.");
        assertThat(robot.lookup("#exportReminder").queryAs(Label.class).isVisible())
                .isFalse();

        assertThat(permissions(target)).isEqualTo("rw-------");
        assertThat(Files.readString(target, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("alice-secret-pass");
        try (Secret master = UiFixture.secret(MASTER);
                VaultSession copy = fx.service.open(target, master)) {
            assertThat(copy.accounts())
                    .extracting(AccountInfo::address)
                    .extracting(Address::value)
                    .containsExactly("alice@example.jp", "bob@example.jp");
            try (Secret s = copy.secret(Address.of("bob@example.jp"), CredentialRef.IMAP)) {
                assertThat(new String(s.revealChars())).isEqualTo("bob-secret-pass");
            }
        }
    }

    @Test
    @DisplayName("KeePassXC CSV needs the confirmation and the master password again; a wrong one writes nothing")
    void plaintextCsv(FxRobot robot) throws Exception {
        Path target = dir.resolve("export.csv");
        unlockAndOpenExport(robot);
        assertThat(robot.lookup("#exportPlaintext").query().isVisible()).isFalse();
        robot.clickOn("#exportFormat-keepassxc-csv");
        assertThat(robot.lookup("#exportPlaintext").query().isVisible()).isTrue();
        assertThat(text(robot, "#exportWarning")).contains("every password", "plain text");
        choose(robot, target);

        assertThat(exportDisabled(robot)).as("not confirmed, no password").isTrue();
        fill(robot, "#exportMaster", MASTER);
        assertThat(exportDisabled(robot)).as("not confirmed").isTrue();
        robot.interact(() -> robot.lookup("#exportConfirm").queryButton().fire());
        fx.settle();
        assertThat(target).doesNotExist();

        robot.interact(
                () -> robot.lookup("#exportUnderstood").queryAs(CheckBox.class).setSelected(true));
        fill(robot, "#exportMaster", MASTER + "-typo");
        assertThat(exportDisabled(robot)).isFalse();
        robot.clickOn("#exportConfirm");
        fx.settle();
        waitUntil(() -> !text(robot, "#exportProblem").isEmpty());
        assertThat(text(robot, "#exportProblem")).isEqualTo("The master password is wrong. Nothing was written.");
        assertThat(target).doesNotExist();
        assertThat(onFx(() -> robot.lookup("#exportMaster")
                        .queryAs(PasswordField.class)
                        .getLength()))
                .as("the wrong entry is wiped")
                .isZero();

        fill(robot, "#exportMaster", MASTER);
        robot.clickOn("#exportConfirm");
        fx.settle();
        waitUntil(() -> robot.lookup("#exportDone").query().isVisible());
        assertThat(text(robot, "#exportResult"))
                .isEqualTo("Wrote 2 passwords of 2 accounts in plain text to " + target + " (readable by you only).");
        assertThat(robot.lookup("#exportReminder").queryAs(Label.class).isVisible())
                .isTrue();
        assertThat(text(robot, "#exportReminder")).startsWith("Delete " + target);

        assertThat(permissions(target)).isEqualTo("rw-------");
        try (ImportPlan plan = new Importer(ServerLookup.none()).read(target, ImportFormat.KEEPASSXC_CSV)) {
            assertThat(plan.accounts())
                    .extracting(PlannedAccount::address)
                    .extracting(Address::value)
                    .containsExactly("alice@example.jp", "bob@example.jp");
        }
        assertThat(Files.readString(target)).contains("alice-secret-pass", "bob-secret-pass");
    }

    @Test
    @DisplayName("an existing file is refused, when chosen and when it appears later, and left as it was")
    void neverOverwrites(FxRobot robot) throws Exception {
        Path existing = dir.resolve("taken.db");
        Files.writeString(existing, "keep me");
        unlockAndOpenExport(robot);
        choose(robot, existing);
        assertThat(text(robot, "#exportProblem"))
                .isEqualTo(existing + " already exists. Nothing was written: an export never overwrites a file."
                        + " Choose a new name.");
        assertThat(exportDisabled(robot)).isTrue();

        Path later = dir.resolve("later.db");
        choose(robot, later);
        assertThat(text(robot, "#exportProblem")).isEmpty();
        assertThat(exportDisabled(robot)).isFalse();
        Files.writeString(later, "made meanwhile");
        robot.clickOn("#exportConfirm");
        fx.settle();
        assertThat(text(robot, "#exportProblem")).startsWith(later + " already exists.");
        assertThat(robot.lookup("#exportDone").query().isVisible()).isFalse();

        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(Files.readString(later)).isEqualTo("made meanwhile");
    }
}
