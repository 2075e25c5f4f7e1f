package dev.mailvault.ui.unlock;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Background;
import dev.mailvault.ui.common.StrengthMeter;
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

/** First run: the master password twice, a strength meter, and progress while the KDF is tuned. */
final class CreateVaultView {
    final PasswordField master = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final StrengthMeter strength;
    final Label problem = new Label();
    final Button create = new Button();
    final ProgressIndicator progress = new ProgressIndicator();
    final Label status = new Label();
    final StackPane root;

    CreateVaultView(Texts texts, Background background, Path file) {
        master.setId("master");
        master.setPromptText(texts.get("create.master"));
        confirm.setId("confirm");
        confirm.setPromptText(texts.get("create.confirm"));

        strength = new StrengthMeter(texts, background, master, "strength");

        problem.setId("createProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        create.setId("create");
        create.setText(texts.get("create.button"));
        create.setDefaultButton(true);
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);

        progress.setId("createProgress");
        progress.setPrefSize(22, 22);
        progress.setVisible(false);
        status.setId("createStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox busy = new HBox(10, progress, status);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.managedProperty().bind(progress.visibleProperty());
        busy.visibleProperty().bind(progress.visibleProperty());

        VBox card = new VBox(
                EntryCard.appTitle(texts.get("app.title")),
                EntryCard.muted(texts.get("create.intro")),
                EntryCard.muted(texts.get("create.file", file.toString())),
                new Label(texts.get("create.master")),
                master,
                strength.node(),
                new Label(texts.get("create.confirm")),
                confirm,
                problem,
                create,
                busy);
        root = EntryCard.around(card);
        root.setId("createScreen");
    }
}
