package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.onFx;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.DeviceType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Rotation wizard, against a real GreenMail over TLS")
@ExtendWith(ApplicationExtension.class)
class RotationWizardTest {
    static final Address ALICE = Address.of("alice@example.test");

    @TempDir
    Path dir;

    UiFixture fx;
    TestMailServer server;

    @Start
    void start(Stage stage) {
        server = new TestMailServer();
        server.user(ALICE.value(), "alice-old-pass");
        fx = new UiFixture(dir);
        try (VaultSession session = fx.createVault();
                Secret old = UiFixture.secret("alice-old-pass")) {
            session.addAccount(server.spec(ALICE.value(), false), old, null);
            session.addDevice("iPhone", DeviceType.IPHONE, List.of(ALICE));
        }
        // the rotation happens later than the device got the old value
        fx.clock.advance(Duration.ofDays(30));
        fx.start(stage);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void openWizard(FxRobot robot) {
        fx.unlock(robot);
        waitUntil(() -> robot.lookup("#rotate-imap").tryQuery().isPresent());
        robot.clickOn("#rotate-imap");
        waitUntil(() -> robot.lookup("#rotationWizard").tryQuery().isPresent());
    }

    private DeviceInfo iPhone() {
        return fx.window.session().devices().get(0);
    }

    @Test
    @DisplayName(
            "a pasted value is stored as pending, promoted by a login, makes the device stale, and ticking it clears it")
    void fullRotation(FxRobot robot) {
        openWizard(robot);
        robot.clickOn("#rotationNext");

        robot.clickOn("#rotationPaste");
        fill(robot, "#rotationNewValue", "alice-new-pass");
        robot.clickOn("#rotationStore");
        fx.settle();
        try (Secret pending =
                fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP).orElseThrow()) {
            assertThat(pending.revealForLegacyApi()).isEqualTo("alice-new-pass");
        }
        assertThat(iPhone().stale()).isFalse();

        // the user changes it at the provider
        server.greenMail.getUserManager().getUser(ALICE.value()).setPassword("alice-new-pass");
        robot.clickOn("#rotationNext");
        robot.clickOn("#rotationVerify");
        fx.settle();
        waitUntil(() ->
                robot.lookup("#rotationVerdict").queryAs(Label.class).getText().contains("now the current"));
        assertThat(fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP)).isEmpty();
        try (Secret current = fx.window.session().secret(ALICE, CredentialRef.IMAP)) {
            assertThat(current.revealForLegacyApi()).isEqualTo("alice-new-pass");
        }
        assertThat(iPhone().stale()).isTrue();

        robot.clickOn("#rotationNext");
        fx.settle();
        waitUntil(() -> robot.lookup("#updated-iPhone").tryQuery().isPresent());
        assertThat(onFx(() ->
                        robot.lookup("#updated-iPhone").queryAs(CheckBox.class).isSelected()))
                .isFalse();
        robot.clickOn("#updated-iPhone");
        fx.settle();
        assertThat(iPhone().stale()).isFalse();
        robot.clickOn("#rotationNext");
        waitUntil(() -> robot.lookup("#rotationWizard").tryQuery().isEmpty());
    }

    @Test
    @DisplayName("the keyboard stays in the wizard when Next, focused, turns disabled on the next step:"
            + " keys typed then do not reach the search field behind it")
    void focusStaysInWizard(FxRobot robot) {
        openWizard(robot);
        robot.clickOn("#rotationNext");
        fx.settle();
        javafx.scene.Node wizard = robot.lookup("#rotationWizard").query();
        waitUntil(() -> onFx(() -> {
            for (javafx.scene.Node n = wizard.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                if (n == wizard) {
                    return true;
                }
            }
            return false;
        }));
        robot.type(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.Z);
        fx.settle();
        assertThat(onFx(() -> robot.lookup("#search")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText()))
                .isEmpty();
    }

    @Test
    @DisplayName("a new value equal to the current one is refused in the app's words, English and Japanese;"
            + " nothing is stored")
    void sameAsCurrent(FxRobot robot) {
        openWizard(robot);
        storeTyped(robot, "alice-old-pass");
        assertThat(onFx(() ->
                        robot.lookup("#rotationProblem").queryAs(Label.class).getText()))
                .isEqualTo("This is the current password; nothing was stored. Enter a new value, or choose to"
                        + " generate one.");
        assertThat(fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP)).isEmpty();

        robot.clickOn("#rotationClose");
        waitUntil(() -> robot.lookup("#rotationWizard").tryQuery().isEmpty());
        fx.setInSettings(robot, "#settingsLanguage", dev.mailvault.ui.settings.Settings.Language.JAPANESE);
        waitUntil(() -> robot.lookup("#rotate-imap").tryQuery().isPresent());
        robot.clickOn("#rotate-imap");
        waitUntil(() -> robot.lookup("#rotationWizard").tryQuery().isPresent());
        storeTyped(robot, "alice-old-pass");
        assertThat(onFx(() ->
                        robot.lookup("#rotationProblem").queryAs(Label.class).getText()))
                .isEqualTo("現在のパスワードと同じ値です。何も保存していません。新しい値を入力するか、自動で作成するを選んでください。");
        assertThat(fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP)).isEmpty();
    }

    /** Step 2 with a typed (pasted) value: stores it, or shows why not. */
    private void storeTyped(FxRobot robot, String value) {
        robot.clickOn("#rotationNext");
        robot.clickOn("#rotationPaste");
        fill(robot, "#rotationNewValue", value);
        robot.clickOn("#rotationStore");
        fx.settle();
    }

    @Test
    @DisplayName("a value the provider does not accept yet stays pending and the old one stays current")
    void notChangedAtProvider(FxRobot robot) {
        openWizard(robot);
        robot.clickOn("#rotationNext");
        robot.clickOn("#rotationGenerate");
        robot.clickOn("#rotationStore");
        fx.settle();
        try (Secret pending =
                fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP).orElseThrow()) {
            assertThat(pending.length()).isGreaterThanOrEqualTo(12);
        }
        // the copy button beside the two-line message keeps its whole label, not "..."
        javafx.scene.control.Button copy = robot.lookup("#rotationCopy").queryButton();
        assertThat(onFx(() -> ((javafx.scene.text.Text) copy.lookup(".text")).getText()))
                .isEqualTo("Copy new value");
        robot.clickOn("#rotationNext");
        robot.clickOn("#rotationVerify");
        fx.settle();
        waitUntil(() ->
                robot.lookup("#rotationVerdict").queryAs(Label.class).getText().contains("still works"));
        // the keyboard is back on "Verify with the new value", not on "Mark as changed (no check)"
        waitUntil(() -> onFx(() -> robot.lookup("#rotationVerify").query().isFocused()));
        assertThat(onFx(() -> robot.lookup("#rotationPromoteUnverified").query().isFocused()))
                .isFalse();
        assertThat(fx.window.session().pendingSecret(ALICE, CredentialRef.IMAP)).isPresent();
        assertThat(iPhone().stale()).isFalse();
        assertThat(onFx(() -> robot.lookup("#rotationNext").query().isDisabled()))
                .isTrue();
    }
}
