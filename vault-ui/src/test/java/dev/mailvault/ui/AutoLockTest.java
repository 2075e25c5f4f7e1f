package dev.mailvault.ui;

import static dev.mailvault.ui.UiFixture.MASTER;
import static dev.mailvault.ui.UiFixture.fill;
import static dev.mailvault.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@DisplayName("Auto-lock")
@ExtendWith(ApplicationExtension.class)
class AutoLockTest {
    @TempDir
    Path dir;

    UiFixture fx;

    @Start
    void start(Stage stage) {
        fx = new UiFixture(dir);
        fx.autoLock = Optional.of(Duration.ofMillis(1500));
        try (VaultSession session = fx.createVault()) {
            session.accounts();
        }
        fx.start(stage);
    }

    @Test
    @DisplayName("after the idle time the keys are wiped and the unlock screen is back")
    void locksWhenIdle(FxRobot robot) {
        fill(robot, "#master", MASTER);
        robot.clickOn("#unlock");
        waitUntil(() -> robot.lookup("#mainScreen").tryQuery().isPresent());
        var session = fx.window.session();
        waitUntil(() -> robot.lookup("#unlockScreen").tryQuery().isPresent());
        assertThat(fx.window.isUnlocked()).isFalse();
        assertThat(robot.lookup("#mainScreen").tryQuery()).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(session::accounts))
                .isInstanceOf(dev.mailvault.ui.common.SerialSession.LockedException.class);
    }
}
