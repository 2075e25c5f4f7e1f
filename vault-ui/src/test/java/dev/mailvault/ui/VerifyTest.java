package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Verify now, against a real GreenMail over TLS")
@ExtendWith(ApplicationExtension.class)
class VerifyTest {
    @TempDir
    Path dir;

    UiFixture fx;
    TestMailServer server;

    @Start
    void start(Stage stage) {
        server = new TestMailServer();
        server.user("alice@example.test", "alice-imap-pass");
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault();
                Secret imap = UiFixture.secret("alice-imap-pass");
                Secret smtp = UiFixture.secret("an old smtp password")) {
            session.addAccount(server.spec("alice@example.test", true), imap, smtp);
        }
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<CheckResult> rows(FxRobot robot) {
        return UiFixture.onFx(() -> robot.lookup("#verifyResults").queryAs(VBox.class).getChildren().stream()
                .map(Node::getUserData)
                .map(d -> ((CredentialCheck) d).result())
                .toList());
    }

    @Test
    @DisplayName("Enter on the selected account logs in and shows an OK row and an AUTH_FAILED row")
    void okAndAuthFailed(FxRobot robot) {
        fx.unlock(robot);
        robot.interact(() -> robot.lookup("#accounts").queryAs(TableView.class).requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> rows(robot).size() == 2);
        fx.settle();

        List<CheckResult> rows = rows(robot);
        assertThat(rows)
                .filteredOn(r -> r.protocol() == Protocol.IMAP)
                .singleElement()
                .extracting(CheckResult::outcome)
                .isEqualTo(Outcome.OK);
        assertThat(rows)
                .filteredOn(r -> r.protocol() == Protocol.SMTP)
                .singleElement()
                .extracting(CheckResult::outcome)
                .isEqualTo(Outcome.AUTH_FAILED);
        assertThat(robot.lookup(".verify-ok").tryQuery()).isPresent();
        assertThat(robot.lookup(".verify-failed").tryQuery()).isPresent();
        // recorded in the vault, so the table's last-check column shows the failure
        assertThat(fx.window.session().account(Address.of("alice@example.test")).lastChecks())
                .extracting(CheckResult::outcome)
                .contains(Outcome.OK, Outcome.AUTH_FAILED);
        waitUntil(() -> robot.lookup(".check-failed").tryQuery().isPresent());
    }

    @Test
    @DisplayName("a login to a server that never answers can be cancelled, and the window stays usable meanwhile")
    void cancel(FxRobot robot) throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
                VaultSession session = fx.service.open(fx.vaultFile, UiFixture.secret(MASTER));
                Secret value = UiFixture.secret("any")) {
            var spec = server.spec("bob@example.test", false);
            session.addAccount(
                    new dev.mailvault.core.account.AccountSpec(
                            spec.address(),
                            "",
                            "generic",
                            new dev.mailvault.core.account.Endpoint(
                                    "127.0.0.1", silent.getLocalPort(), dev.mailvault.core.account.Security.TLS),
                            new dev.mailvault.core.account.Endpoint(
                                    "127.0.0.1", silent.getLocalPort(), dev.mailvault.core.account.Security.TLS),
                            null,
                            null,
                            true,
                            spec.caCertPem(),
                            null,
                            null),
                    value,
                    null);
            session.close();
            fx.unlock(robot);
            @SuppressWarnings("unchecked")
            TableView<dev.mailvault.ui.accounts.AccountRow> table =
                    robot.lookup("#accounts").queryAs(TableView.class);
            robot.interact(() -> table.getSelectionModel().select(1));
            fx.settle();
            // fired rather than clicked: the robot's mouse is slow under Monocle, and the login
            // gives up by itself after its timeout
            robot.interact(() -> robot.lookup("#verifyNow").queryButton().fire());
            waitUntil(() -> robot.lookup("#cancelVerify").query().isVisible());

            // the FX thread is free while the logins hang: the search still filters
            fill(robot, "#search", "bob");
            waitUntil(() -> table.getItems().size() == 1);
            fill(robot, "#search", "");

            robot.interact(() -> robot.lookup("#cancelVerify").queryButton().fire());
            assertThat(robot.lookup("#verifyStatus")
                            .queryAs(javafx.scene.control.Label.class)
                            .getText())
                    .contains("Cancelled");
            assertThat(robot.lookup("#verifyNow").query().isDisabled()).isFalse();
            fx.settle();
        }
    }

    /** Adds bob, whose servers are a closed port: every login is refused without a server's answer. */
    private void addRefusedAccount() {
        try (VaultSession session = fx.service.open(fx.vaultFile, UiFixture.secret(MASTER));
                Secret value = UiFixture.secret("any")) {
            session.addAccount(UiFixture.spec("bob@example.test", "127.0.0.1:1:tls", "127.0.0.1:1:tls"), value, null);
        }
    }

    /** The text under each verify result row: server, time and what was said. */
    private static List<String> details(FxRobot robot) {
        return UiFixture.onFx(() -> robot.lookup("#verifyResults").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) ((VBox) n).getChildren().get(1)).getText())
                .toList());
    }

    private void verifyBob(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<dev.mailvault.ui.accounts.AccountRow> table =
                robot.lookup("#accounts").queryAs(TableView.class);
        int bob = UiFixture.onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).address().value().equals("bob@example.test")) {
                    return i;
                }
            }
            throw new AssertionError("bob is not in the table");
        });
        robot.interact(() -> table.getSelectionModel().select(bob));
        fx.settle();
        robot.interact(() -> robot.lookup("#verifyNow").queryButton().fire());
        waitUntil(() -> rows(robot).size() == 2);
        fx.settle();
    }

    @Test
    @DisplayName("a refused connection is described in English as the core words it")
    void refusedInEnglish(FxRobot robot) {
        addRefusedAccount();
        fx.unlock(robot);
        verifyBob(robot);
        assertThat(rows(robot)).extracting(CheckResult::outcome).containsOnly(Outcome.CONNECT_REFUSED);
        assertThat(details(robot))
                .allSatisfy(d -> assertThat(d)
                        .startsWith("127.0.0.1:1 · ")
                        .contains(" · the connection to 127.0.0.1:1 was refused ("));
    }

    @Test
    @DisplayName(
            "in Japanese, a refused connection is described in Japanese, in the row and in the last check's tooltip")
    void refusedInJapanese(FxRobot robot) {
        addRefusedAccount();
        fx.unlock(robot);
        fx.setInSettings(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        verifyBob(robot);
        assertThat(rows(robot)).extracting(CheckResult::outcome).containsOnly(Outcome.CONNECT_REFUSED);
        assertThat(details(robot))
                .allSatisfy(d ->
                        assertThat(d).contains(" · 127.0.0.1:1 への接続が拒否されました（").endsWith("）。"))
                .noneMatch(d -> d.contains("was refused"));
        waitUntil(() -> robot.lookup(".check-failed").tryQuery().isPresent());
        assertThat(UiFixture.onFx(() -> robot.lookup(".check-failed")
                        .queryAs(javafx.scene.control.Label.class)
                        .getTooltip()
                        .getText()))
                .contains("127.0.0.1:1 への接続が拒否されました（")
                .doesNotContain("was refused");
    }
}
