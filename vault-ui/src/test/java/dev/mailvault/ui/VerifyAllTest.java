package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.ui.accounts.AccountRow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Verify all, against a real GreenMail over TLS")
@ExtendWith(ApplicationExtension.class)
class VerifyAllTest {
    @TempDir
    Path dir;

    UiFixture fx;
    TestMailServer server;

    @Start
    void start(Stage stage) {
        server = new TestMailServer();
        server.user("alice@example.test", "alice-pass");
        server.user("bob@example.test", "bob-pass-at-the-server");
        server.user("carol@example.test", "carol-pass");
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault()) {
            Map<String, String> stored = new LinkedHashMap<>();
            stored.put("alice@example.test", "alice-pass");
            stored.put("bob@example.test", "a password bob changed since");
            stored.put("carol@example.test", "carol-pass");
            for (Map.Entry<String, String> e : stored.entrySet()) {
                // one password for IMAP and SMTP: two logins per account
                try (Secret value = UiFixture.secret(e.getValue())) {
                    session.addAccount(server.spec(e.getKey(), false), value, null);
                }
            }
        }
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<AccountRow> table(FxRobot robot) {
        return robot.lookup("#accounts").queryAs(TableView.class);
    }

    /** The outcome the "Last check" column shows for each account, from the table's own rows. */
    private Map<String, Outcome> shownOutcomes(FxRobot robot) {
        return onFx(() -> {
            Map<String, Outcome> out = new LinkedHashMap<>();
            for (AccountRow row : table(robot).getItems()) {
                out.put(
                        row.address().value(),
                        row.lastCheck().map(CheckResult::outcome).orElse(null));
            }
            return out;
        });
    }

    private String status(FxRobot robot) {
        return onFx(() -> robot.lookup("#verifyAllStatus").queryAs(Label.class).getText());
    }

    private void runVerifyAll(FxRobot robot) {
        // fired rather than clicked: the robot's mouse is slow under Monocle
        robot.interact(() -> robot.lookup("#verifyAll").queryButton().fire());
        waitUntil(() -> status(robot).startsWith("Verify all:"));
        fx.settle();
        assertThat(robot.lookup("#verifyAll").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelVerifyAll").query().isVisible()).isFalse();
    }

    @Test
    @DisplayName("logs in to every account, shows OK and AUTH_FAILED in the right rows and counts them;"
            + " a second run does not retry the password that just failed")
    void allAccounts(FxRobot robot) {
        fx.unlock(robot);
        assertThat(shownOutcomes(robot))
                .containsOnlyKeys("alice@example.test", "bob@example.test", "carol@example.test");
        assertThat(shownOutcomes(robot).values()).containsOnlyNulls();

        runVerifyAll(robot);

        assertThat(shownOutcomes(robot))
                .containsEntry("alice@example.test", Outcome.OK)
                .containsEntry("bob@example.test", Outcome.AUTH_FAILED)
                .containsEntry("carol@example.test", Outcome.OK);
        assertThat(status(robot)).startsWith("Verify all: 4 OK, 2 not OK, 0 skipped.");
        // the results are in the vault, not only on screen
        assertThat(fx.window.session().accounts())
                .allSatisfy(a -> assertThat(a.lastChecks()).hasSize(2));

        // the same rule as `vault verify --all`: a login that failed minutes ago is not tried again
        runVerifyAll(robot);

        assertThat(status(robot)).startsWith("Verify all: 4 OK, 0 not OK, 2 skipped.");
        assertThat(status(robot)).contains("not tried");
        assertThat(shownOutcomes(robot))
                .containsEntry("alice@example.test", Outcome.OK)
                .containsEntry("bob@example.test", Outcome.AUTH_FAILED)
                .containsEntry("carol@example.test", Outcome.OK);
    }

    /** Every text in the detail pane's result rows of that style class, each row's labels joined. */
    private java.util.List<String> detailRows(FxRobot robot, String styleClass) {
        return onFx(() -> robot.lookup("." + styleClass).queryAll().stream()
                .map(row -> robot.from(row).lookup(".label").queryAllAs(Label.class).stream()
                        .map(Label::getText)
                        .collect(java.util.stream.Collectors.joining(" | ")))
                .toList());
    }

    @Test
    @DisplayName("a login skipped by the lockout rule reads as not tried, not as a failure, and points to Verify now,"
            + " not to the command line's --force")
    void skippedRowsInDetail(FxRobot robot) {
        fx.unlock(robot);
        robot.interact(() -> table(robot)
                .getSelectionModel()
                .select(table(robot).getItems().stream()
                        .filter(r -> r.address().value().equals("bob@example.test"))
                        .findFirst()
                        .orElseThrow()));
        runVerifyAll(robot);
        runVerifyAll(robot);

        java.util.List<String> skipped = detailRows(robot, "verify-skipped");
        assertThat(skipped)
                .hasSize(2)
                .allSatisfy(text -> assertThat(text)
                        .startsWith("– Not tried")
                        .contains("the last login failed 1 min ago (Password rejected)")
                        .contains("Verify now on this account tries it")
                        .doesNotContain("--force")
                        .doesNotContain("LOCKOUT_PROTECTION")
                        .doesNotContain("not tried:"));
        // the two real failures of the first run stay red
        assertThat(detailRows(robot, "verify-failed"))
                .hasSize(2)
                .allSatisfy(text -> assertThat(text).startsWith("✖ "));
    }
}
