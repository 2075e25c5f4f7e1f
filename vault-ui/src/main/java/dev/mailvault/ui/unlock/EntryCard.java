package dev.mailvault.ui.unlock;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The centred card both entry screens (create and unlock) are laid out in. */
final class EntryCard {
    private EntryCard() {}

    static StackPane around(VBox card) {
        card.getStyleClass().add("entry-card");
        card.setMaxWidth(440);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setSpacing(12);
        StackPane root = new StackPane(card);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("entry-screen");
        return root;
    }

    static Label appTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll(Styles.TITLE_2, "app-title");
        return title;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }
}
