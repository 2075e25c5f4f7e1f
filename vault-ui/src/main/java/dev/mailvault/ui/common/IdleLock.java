package dev.mailvault.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Calls {@code onIdle} when no key or mouse event reached the scene for a while. Armed only while
 * the vault is open.
 */
public final class IdleLock {
    private final PauseTransition pause = new PauseTransition();
    private boolean armed;

    public IdleLock(Scene scene, Runnable onIdle) {
        pause.setOnFinished(e -> {
            if (armed) {
                armed = false;
                onIdle.run();
            }
        });
        scene.addEventFilter(InputEvent.ANY, e -> {
            if (armed) {
                pause.playFromStart();
            }
        });
    }

    public void arm(Duration timeout) {
        pause.setDuration(javafx.util.Duration.millis(timeout.toMillis()));
        armed = true;
        pause.playFromStart();
    }

    public void disarm() {
        armed = false;
        pause.stop();
    }

    public boolean isArmed() {
        return armed;
    }
}
