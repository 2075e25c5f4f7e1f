package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.ui.accounts.AccountRow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Removing an account from the detail pane")
@ExtendWith(ApplicationExtension.class)
class RemoveAccountTest {
    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault()) {
            for (String name : List.of("alice", "bob", "carol")) {
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

    @SuppressWarnings("unchecked")
    private TableView<AccountRow> table(FxRobot robot) {
        return robot.lookup("#accounts").queryAs(TableView.class);
    }

    private List<String> tableAddresses(FxRobot robot) {
        return onFx(() ->
                table(robot).getItems().stream().map(r -> r.address().value()).toList());
    }

    /** Unlocks, selects bob and opens the confirmation. */
    private void askToRemoveBob(FxRobot robot) {
        fx.unlock(robot);
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        waitUntil(() ->
                robot.lookup("#detailTitle").queryAs(Label.class).getText().equals("bob@example.jp"));
        fx.settle();
        robot.clickOn("#removeAccount");
        waitUntil(() -> robot.lookup("#removeDialog").tryQuery().isPresent());
    }

    /** What the vault file holds, read by a new session after the app locked (and closed) its own. */
    private List<String> addressesInVaultFile(FxRobot robot) {
        robot.interact(() -> fx.window.lock());
        try (Secret master = UiFixture.secret(MASTER);
                VaultSession session = fx.service.open(fx.vaultFile, master)) {
            return session.accounts().stream()
                    .map(AccountInfo::address)
                    .map(a -> a.value())
                    .toList();
        }
    }

    @Test
    @DisplayName("the dialog names the address, says what is deleted and that the provider is not touched")
    void dialogSaysWhatHappens(FxRobot robot) {
        askToRemoveBob(robot);
        assertThat(robot.lookup("#removeAddress").queryAs(Label.class).getText())
                .isEqualTo("bob@example.jp");
        assertThat(robot.lookup("#removeDeleted").queryAs(Label.class).getText())
                .contains("Its stored password", "history", "login checks", "cannot be undone");
        assertThat(robot.lookup("#removeUntouched").queryAs(Label.class).getText())
                .contains("not touched");
        assertThat(robot.lookup("#removeCancel").queryButton().isDefaultButton())
                .as("Enter keeps the account, like the CLI's [y/N]")
                .isTrue();
        assertThat(robot.lookup("#removeConfirm").queryButton().isDefaultButton())
                .isFalse();
    }

    @Test
    @DisplayName("confirming removes the account from the table and from the vault file, and selects the next one")
    void confirmRemoves(FxRobot robot) {
        askToRemoveBob(robot);
        robot.clickOn("#removeConfirm");
        waitUntil(() -> !fx.window.modal().isShowing());
        fx.settle();
        waitUntil(() -> !tableAddresses(robot).contains("bob@example.jp"));
        assertThat(tableAddresses(robot)).containsExactly("alice@example.jp", "carol@example.jp");
        waitUntil(() ->
                robot.lookup("#detailTitle").queryAs(Label.class).getText().equals("carol@example.jp"));
        assertThat(onFx(() -> table(robot)
                        .getSelectionModel()
                        .getSelectedItem()
                        .address()
                        .value()))
                .isEqualTo("carol@example.jp");
        fx.settle();

        assertThat(addressesInVaultFile(robot)).containsExactly("alice@example.jp", "carol@example.jp");
    }

    @Test
    @DisplayName("cancelling changes nothing, in the table or in the vault file")
    void cancelKeeps(FxRobot robot) {
        askToRemoveBob(robot);
        robot.clickOn("#removeCancel");
        waitUntil(() -> !fx.window.modal().isShowing());
        fx.settle();
        assertThat(tableAddresses(robot)).containsExactly("alice@example.jp", "bob@example.jp", "carol@example.jp");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("bob@example.jp");

        assertThat(addressesInVaultFile(robot))
                .containsExactly("alice@example.jp", "bob@example.jp", "carol@example.jp");
    }
}
