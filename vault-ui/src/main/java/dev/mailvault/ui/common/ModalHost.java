package dev.mailvault.ui.common;

import atlantafx.base.controls.ModalPane;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * Dialogs inside the main window (adding an account, the rotation wizard, settings) rather than
 * separate windows: the auto-lock sees every key press, and locking takes the dialog away with the
 * rest.
 */
public final class ModalHost {
    private final ModalPane pane = new ModalPane();
    private Runnable onHide = () -> {};

    public ModalHost() {
        pane.setPersistent(true);
        // no animations: a dialog is there or not, for the keyboard and for tests alike
        pane.setInTransitionFactory(null);
        pane.setOutTransitionFactory(null);
        // the keyboard stays in the dialog: when its focused button is disabled or hidden (the wizard's
        // Next on the step after), JavaFX hands the focus to the next node of the whole scene, the
        // search field behind the dialog, and a password typed next would land there in plain text
        javafx.beans.value.ChangeListener<Node> guard = (obs, was, now) -> {
            if (isShowing() && now != null && !inside(now)) {
                Platform.runLater(this::focusDialog);
            }
        };
        pane.sceneProperty().addListener((obs, was, scene) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(guard);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(guard);
            }
        });
        pane.displayProperty().addListener((obs, was, shown) -> {
            if (!shown) {
                Runnable hook = onHide;
                onHide = () -> {};
                hook.run();
            }
        });
    }

    public Node node() {
        return pane;
    }

    public void show(Region dialog) {
        show(dialog, () -> {});
    }

    /** Shows the dialog; {@code onHide} runs once when it goes away, however that happens. */
    public void show(Region dialog, Runnable onHide) {
        if (pane.isDisplay()) {
            hide();
        }
        dialog.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        dialog.getStyleClass().add("dialog");
        this.onHide = onHide;
        pane.show(dialog);
    }

    public void hide() {
        if (pane.isDisplay()) {
            pane.hide(true);
        }
    }

    private boolean inside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    /** Focuses the dialog's first control that takes the keyboard, else the dialog itself. */
    private void focusDialog() {
        Node owner = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
        Node content = pane.getContent();
        if (!isShowing() || content == null || (owner != null && inside(owner))) {
            return;
        }
        firstFocusable(content).orElse(content).requestFocus();
    }

    private static Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public boolean isShowing() {
        return pane.isDisplay();
    }
}
