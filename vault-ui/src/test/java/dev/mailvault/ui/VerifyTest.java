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
        fill(robot, "#master", MASTER);
        robot.clickOn("#unlock");
        waitUntil(() -> robot.lookup("#accounts").tryQuery().isPresent());
        fx.settle();
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
}
