package dev.mailvault.ui.common;

import atlantafx.base.controls.ModalPane;
import javafx.scene.Node;
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

    public boolean isShowing() {
        return pane.isDisplay();
    }
}
