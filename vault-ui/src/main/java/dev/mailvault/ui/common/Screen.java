package dev.mailvault.ui.common;

import javafx.scene.Parent;

/** One screen of the app: its view, and what to stop and wipe when it goes away. */
public interface Screen {
    Parent view();

    /** Called once when the screen is replaced: cancel its tasks, wipe its fields. */
    default void dispose() {}
}
