package dev.mailvault.ui.masterpassword;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Background;
import dev.mailvault.ui.common.StrengthMeter;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The current master password, the new one twice with a strength meter, and progress while the
 * key is derived; after the change, only the confirmation and a Close button.
 */
final class ChangeMasterPasswordView {
    private static final double WIDTH = 440;

    final PasswordField current = new PasswordField();
    final PasswordField replacement = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final StrengthMeter strength;
    final Label problem = new Label();
    final ProgressIndicator progress = new ProgressIndicator();
    final Label status = new Label();
    final Button cancel = new Button();
    final Button change = new Button();
    final VBox form;
    final Label done = new Label();
    final Label kdf = new Label();
    final Button close = new Button();
    final VBox finished;
    final VBox root;

    ChangeMasterPasswordView(Texts texts, Background background) {
        Label title = new Label(texts.get("passwd.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = wrapped(new Label(texts.get("passwd.intro")));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        VBox.setMargin(intro, new Insets(0, 0, 4, 0));

        current.setId("currentMaster");
        replacement.setId("newMaster");
        repeat.setId("repeatMaster");
        strength = new StrengthMeter(texts, background, replacement, "newMasterStrength");
        strength.node().setMaxWidth(WIDTH);

        problem.setId("changeMasterProblem");
        wrapped(problem).getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        progress.setId("changeMasterProgress");
        progress.setPrefSize(22, 22);
        progress.setVisible(false);
        status.setId("changeMasterStatus");
        wrapped(status).getStyleClass().add(Styles.TEXT_MUTED);
        HBox busy = new HBox(10, progress, status);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.managedProperty().bind(progress.visibleProperty());
        busy.visibleProperty().bind(progress.visibleProperty());

        cancel.setId("changeMasterCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);
        change.setId("changeMasterConfirm");
        change.setText(texts.get("passwd.confirm"));
        change.setDefaultButton(true);
        change.getStyleClass().add(Styles.ACCENT);
        HBox buttons = new HBox(8, cancel, change);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        form = new VBox(
                8,
                intro,
                new Label(texts.get("passwd.current")),
                current,
                new Label(texts.get("passwd.new")),
                replacement,
                strength.node(),
                new Label(texts.get("passwd.repeat")),
                repeat,
                problem,
                busy,
                buttons);
        form.managedProperty().bind(form.visibleProperty());

        done.setId("changeMasterDone");
        wrapped(done).getStyleClass().add(Styles.SUCCESS);
        kdf.setId("changeMasterKdf");
        wrapped(kdf).getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        close.setId("changeMasterClose");
        close.setText(texts.get("passwd.close"));
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox closeBar = new HBox(close);
        closeBar.setAlignment(Pos.CENTER_RIGHT);
        finished = new VBox(12, done, kdf, closeBar);
        finished.setId("changeMasterFinished");
        finished.managedProperty().bind(finished.visibleProperty());
        finished.setVisible(false);

        root = new VBox(12, title, form, finished);
        root.setId("changeMasterDialog");
        root.setPrefWidth(WIDTH + 44); // the .dialog padding on both sides
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMaxWidth(WIDTH);
        return label;
    }
}
