package dev.mailvault.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/** The bar across the top of a screen, the same on every screen that has one. */
public final class Toolbars {
    private Toolbars() {}

    public static HBox bar(Node... items) {
        HBox toolbar = new HBox(10, items);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(10, 14, 10, 14));
        toolbar.getStyleClass().add("toolbar-bar");
        return toolbar;
    }
}
