package dev.mailvault.ui.unlock;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Later runs: the master password, and a progress indicator while Argon2 runs. */
final class UnlockView {
    final PasswordField master = new PasswordField();
    final Button unlock = new Button();
    final Label error = new Label();
    final Label notice = new Label();
    final ProgressIndicator progress = new ProgressIndicator();
    final Label status = new Label();
    final StackPane root;

    UnlockView(Texts texts, Path file) {
        master.setId("master");
        master.setPromptText(texts.get("unlock.prompt"));

        unlock.setId("unlock");
        unlock.setText(texts.get("unlock.button"));
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setMaxWidth(Double.MAX_VALUE);

        error.setId("unlockError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        notice.setId("unlockNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.TEXT_MUTED);

        progress.setId("unlockProgress");
        progress.setPrefSize(22, 22);
        progress.setVisible(false);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox busy = new HBox(10, progress, status);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.managedProperty().bind(progress.visibleProperty());
        busy.visibleProperty().bind(progress.visibleProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());

        VBox card = new VBox(
                EntryCard.appTitle(texts.get("app.title")),
                EntryCard.muted(texts.get("unlock.file", file.toString())),
                new Label(texts.get("unlock.prompt")),
                master,
                error,
                unlock,
                busy,
                notice);
        root = EntryCard.around(card);
        root.setId("unlockScreen");
    }
}
