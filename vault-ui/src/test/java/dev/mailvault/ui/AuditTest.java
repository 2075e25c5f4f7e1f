package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.ui.audit.AuditRow;
import dev.mailvault.ui.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Audit view")
@ExtendWith(ApplicationExtension.class)
class AuditTest {
    private static final String FAIL = "fail@example.jp";
    private static final String OLD = "old@example.jp";
    private static final String JIRO = "jiro@example.org";
    private static final String KEN = "ken@example.net";
    private static final String NEW = "new@example.com";
    private static final String CLEAN = "clean@example.net";

    private static final String FAIL_PW = "quartz-Meadow-19-lantern-Brisk-otter";
    private static final String FAIL_NEXT_PW = "ember-Trellis-28-walnut-Fjord-crisp";
    private static final String OLD_PW = "velvet-Cactus-83-ripple-Gusty-anchor";
    private static final String SHARED_PW = "mossy-Kettle-42-orbit-Vane-thistle";
    private static final String NEW_PW = "cobalt-Swivel-57-prairie-Dusk-lemon";
    private static final String CLEAN_PW = "tundra-Pebble-66-saffron-Whirl-maple";
    private static final List<String> SECRETS =
            List.of(FAIL_PW, FAIL_NEXT_PW, OLD_PW, SHARED_PW, NEW_PW, CLEAN_PW, MASTER);

    @TempDir
    Path dir;

    UiFixture fx;
    Stage primary;

    @Start
    void start(Stage stage) {
        // each test crafts its own vault before the window opens
        fx = new UiFixture(dir);
        primary = stage;
    }

    private void open(FxRobot robot) {
        robot.interact(() -> fx.start(primary));
        fx.unlock(robot);
    }

    private void openAudit(FxRobot robot) {
        robot.clickOn("#openAudit");
        waitUntil(() -> robot.lookup("#auditScreen").tryQuery().isPresent());
        fx.settle();
        waitUntil(() -> !robot.lookup("#auditRunning").query().isVisible());
    }

    private static void add(VaultSession session, String address, String password) {
        try (Secret value = UiFixture.secret(password)) {
            session.addAccount(UiFixture.spec(address, "imap.example.jp:993", "smtp.example.jp:465"), value, null);
        }
    }

    /** FAIL's password changed (promoted) while its iPhone still has the old one; a minute later. */
    private void rotatedWithDeviceLeft(VaultSession session) {
        session.addDevice("iPhone", DeviceType.IPHONE, List.of(Address.of(FAIL)));
        fx.clock.advance(Duration.ofMinutes(1));
        try (Secret next = UiFixture.secret(FAIL_NEXT_PW)) {
            session.setPending(Address.of(FAIL), CredentialRef.IMAP, next);
        }
        session.promotePending(Address.of(FAIL), CredentialRef.IMAP, true);
        fx.clock.advance(Duration.ofMinutes(1));
    }

    /** A login check of the current value over IMAP and SMTP (one password serves both), now. */
    private void checked(VaultSession session, String address, Outcome imap) {
        var now = fx.clock.instant();
        session.recordChecks(List.of(
                new CredentialCheck(
                        Address.of(address),
                        CredentialRef.IMAP,
                        new CheckResult(
                                Protocol.IMAP,
                                Slot.CURRENT,
                                imap,
                                "imap.example.jp",
                                993,
                                imap == Outcome.OK ? "" : "AUTHENTICATIONFAILED",
                                "",
                                "",
                                10,
                                now)),
                new CredentialCheck(
                        Address.of(address),
                        CredentialRef.IMAP,
                        new CheckResult(
                                Protocol.SMTP,
                                Slot.CURRENT,
                                Outcome.OK,
                                "smtp.example.jp",
                                465,
                                "",
                                "",
                                "",
                                10,
                                now))));
    }

    /**
     * old: verified but 16 days past its rotation date. fail: its last IMAP login was refused, and
     * after a rotation one device still holds the old value. jiro and ken: verified, the same
     * value. new: never verified. clean: verified, nothing to say.
     */
    private void craftedVault() {
        try (VaultSession session = fx.createVault()) {
            add(session, OLD, OLD_PW);
            fx.clock.advance(Duration.ofDays(200));
            add(session, FAIL, FAIL_PW);
            add(session, JIRO, SHARED_PW);
            add(session, KEN, SHARED_PW);
            add(session, NEW, NEW_PW);
            add(session, CLEAN, CLEAN_PW);
            rotatedWithDeviceLeft(session);
            checked(session, FAIL, Outcome.AUTH_FAILED);
            for (String address : List.of(OLD, JIRO, KEN, CLEAN)) {
                checked(session, address, Outcome.OK);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<AuditRow> list(FxRobot robot) {
        return robot.lookup("#auditList").queryAs(ListView.class);
    }

    private static List<String> listed(FxRobot robot) {
        return onFx(() ->
                list(robot).getItems().stream().map(r -> r.address().value()).toList());
    }

    /** The cells on screen: address → one "label | reason | next step" line per reason, as drawn. */
    private static Map<String, List<String>> drawn(FxRobot robot) {
        return onFx(() -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Node node : robot.lookup("#auditList .list-cell").queryAll()) {
                ListCell<?> cell = (ListCell<?>) node;
                if (cell.isVisible() && !cell.isEmpty() && cell.getItem() instanceof AuditRow row) {
                    List<String> lines = new ArrayList<>();
                    for (Node flag : cell.lookupAll(".audit-flag")) {
                        lines.add(flag.lookupAll(".label").stream()
                                .map(l -> ((Label) l).getText())
                                .collect(Collectors.joining(" | ")));
                    }
                    out.put(row.address().value(), lines);
                }
            }
            return out;
        });
    }

    private static ListCell<?> cell(FxRobot robot, String address) {
        return onFx(() -> robot.lookup("#auditList .list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> c.isVisible()
                        && c.getItem() instanceof AuditRow row
                        && row.address().value().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError(address + " is not drawn")));
    }

    private static String detailTitle(FxRobot robot) {
        return onFx(() -> robot.lookup("#detailTitle").queryAs(Label.class).getText());
    }

    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private static void assertNoSecretShown(FxRobot robot) {
        List<String> texts = onFx(() -> robot.lookup((Node n) -> n instanceof Text).queryAll().stream()
                .map(n -> ((Text) n).getText())
                .filter(t -> t != null)
                .toList());
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    @DisplayName(
            "lists the accounts that need attention most urgent first, each reason in the core's words with its next step")
    void listsReasons(FxRobot robot) {
        craftedVault();
        open(robot);
        openAudit(robot);

        assertThat(listed(robot)).containsExactly(FAIL, OLD, JIRO, KEN, NEW);
        Map<String, List<String>> drawn = drawn(robot);
        assertThat(drawn).containsOnlyKeys(FAIL, OLD, JIRO, KEN, NEW);
        assertThat(drawn.get(FAIL))
                .satisfiesExactly(
                        failed -> assertThat(failed)
                                .startsWith(
                                        "Last check failed | The password (IMAP and SMTP) failed its last IMAP login on"
                                                + " 2026-09-18 01:02: AUTH_FAILED (server code AUTHENTICATIONFAILED).")
                                .endsWith(" | → Run the doctor on this account to see why the login fails and"
                                        + " what to change."),
                        devices -> assertThat(devices)
                                .isEqualTo("Devices need the password | One device still holds an older password of"
                                        + " this account. | → Enter the current password on each of these devices,"
                                        + " then tick them off as done."));
        assertThat(drawn.get(OLD))
                .singleElement()
                .asString()
                .startsWith("Overdue | The password (IMAP and SMTP) was due for a change on 2026-09-02 (16 days ago;")
                .endsWith("| → Rotate it: set a new password at the provider and store it here.");
        assertThat(drawn.get(JIRO))
                .containsExactly(
                        "Reused | The password (IMAP and SMTP) is the same as a password stored for ken@example.net."
                                + " | → Rotate it so that each account has a password of its own.");
        assertThat(drawn.get(KEN)).singleElement().asString().contains("stored for jiro@example.org.");
        assertThat(drawn.get(NEW))
                .singleElement()
                .asString()
                .startsWith(
                        "Never verified | The password (IMAP and SMTP) has not logged in successfully over IMAP and SMTP");
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .isEqualTo("5 of 6 accounts need attention (6 reasons).");
        assertThat(visible(robot, "#auditClean")).isFalse();
        assertNoSecretShown(robot);
    }

    @Test
    @DisplayName("selecting an account shows it in the detail pane, as in the accounts table")
    void selectingOpensDetail(FxRobot robot) {
        craftedVault();
        open(robot);
        openAudit(robot);
        waitUntil(() -> detailTitle(robot).equals(FAIL));

        robot.clickOn(cell(robot, KEN));
        fx.settle();

        waitUntil(() -> detailTitle(robot).equals(KEN));
        assertThat(onFx(() -> list(robot)
                        .getSelectionModel()
                        .getSelectedItem()
                        .address()
                        .value()))
                .isEqualTo(KEN);
        assertNoSecretShown(robot);
    }

    @Test
    @DisplayName("ticking a device off in the detail pane audits again: that reason is gone, the others stay")
    void actingInDetailRefreshes(FxRobot robot) {
        craftedVault();
        open(robot);
        openAudit(robot);
        waitUntil(() -> detailTitle(robot).equals(FAIL));
        fx.settle();

        robot.clickOn("#done-iPhone");
        fx.settle();

        waitUntil(() -> drawn(robot).get(FAIL).size() == 1);
        assertThat(drawn(robot).get(FAIL)).singleElement().asString().startsWith("Last check failed |");
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .isEqualTo("5 of 6 accounts need attention (5 reasons).");
        assertThat(detailTitle(robot)).isEqualTo(FAIL);
    }

    @Test
    @DisplayName("opened again, it audits the vault as it is now; Back returns to the accounts")
    void reopenedRunsAgain(FxRobot robot) {
        craftedVault();
        open(robot);
        openAudit(robot);
        assertThat(listed(robot)).contains(NEW);

        robot.clickOn("#auditBack");
        waitUntil(() -> robot.lookup("#accounts").tryQuery().isPresent());
        assertThat(robot.lookup("#auditScreen").tryQuery()).isEmpty();
        fx.settle();
        checked(fx.window.session(), NEW, Outcome.OK);
        openAudit(robot);

        assertThat(listed(robot)).containsExactly(FAIL, OLD, JIRO, KEN);
        assertThat(drawn(robot)).doesNotContainKey(NEW);
    }

    @Test
    @DisplayName("a vault where nothing needs attention shows an all-clear state, not an empty list")
    void allClear(FxRobot robot) {
        try (VaultSession session = fx.createVault()) {
            add(session, CLEAN, CLEAN_PW);
            checked(session, CLEAN, Outcome.OK);
        }
        open(robot);
        openAudit(robot);

        assertThat(visible(robot, "#auditClean")).isTrue();
        assertThat(visible(robot, "#auditList")).isFalse();
        assertThat(visible(robot, "#auditSummary")).isFalse();
        assertThat(robot.lookup("#auditCleanSummary").queryAs(Label.class).getText())
                .isEqualTo("No account needs attention (1 audited).");
        assertThat(robot.lookup("All clear").tryQuery()).isPresent();
        // nothing to show beside it: no empty detail pane
        assertThat(robot.lookup("#auditDetailPane").tryQuery()).isEmpty();
    }

    @Test
    @DisplayName("putting the last reason right from the detail pane leaves it all clear, the account still shown")
    void lastReasonPutRight(FxRobot robot) {
        try (VaultSession session = fx.createVault()) {
            add(session, FAIL, FAIL_PW);
            rotatedWithDeviceLeft(session);
            checked(session, FAIL, Outcome.OK);
        }
        open(robot);
        openAudit(robot);
        assertThat(drawn(robot).get(FAIL)).singleElement().asString().startsWith("Devices need the password |");
        waitUntil(() -> detailTitle(robot).equals(FAIL));
        fx.settle();

        robot.clickOn("#done-iPhone");
        fx.settle();

        waitUntil(() -> visible(robot, "#auditClean"));
        assertThat(listed(robot)).isEmpty();
        assertThat(detailTitle(robot)).isEqualTo(FAIL);
        assertThat(visible(robot, "#auditDetailPane")).isTrue();
    }

    @Test
    @DisplayName("in Japanese: the button, the reasons, the next steps and the summary")
    void japanese(FxRobot robot) {
        craftedVault();
        open(robot);
        robot.interact(() -> fx.window.updateSettings(fx.window.settings().withLanguage(Settings.Language.JAPANESE)));
        fx.settle();
        assertThat(robot.lookup("#openAudit").queryAs(Button.class).getText()).isEqualTo("点検");
        openAudit(robot);

        assertThat(drawn(robot).get(JIRO))
                .containsExactly("使い回し | パスワード（IMAP・SMTP共通）は、ken@example.netに保存されているパスワードと同じです。"
                        + " | → アカウントごとに別のパスワードになるよう変更してください。");
        assertThat(drawn(robot).get(FAIL)).last().asString().startsWith("端末で再入力が必要 | このアカウントの古いパスワードのままの端末が1台あります。");
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .isEqualTo("6 件中 5 件のアカウントに注意が必要です（理由 6 件）。");
        assertThat(robot.lookup("#auditBack").queryAs(Button.class).getText()).isEqualTo("← アカウント一覧");
    }
}
