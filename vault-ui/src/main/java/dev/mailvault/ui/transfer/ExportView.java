package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.transfer.ExportFormat;
import dev.mailvault.ui.common.Texts;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The export dialog: the format and a new file; for the plaintext CSV a warning, an explicit
 * confirmation and the master password again; then what was written.
 */
final class ExportView {
    final ToggleGroup formats = new ToggleGroup();
    final Map<ExportFormat, RadioButton> formatButtons = new EnumMap<>(ExportFormat.class);
    final Label hint = new Label();
    final Label file = new Label();
    final Button choose = new Button();
    final Label warning = new Label();
    final CheckBox understood = new CheckBox();
    final PasswordField master = new PasswordField();
    final VBox plaintextBox;
    final ProgressIndicator progress = new ProgressIndicator();
    final Label status = new Label();
    final Label problem = new Label();
    final Button cancel = new Button();
    final Button export = new Button();
    final VBox form;

    final Label result = new Label();
    final Label reminder = new Label();
    final Button close = new Button();
    final VBox finished;

    final VBox root;

    ExportView(Texts texts) {
        Label title = new Label(texts.get("export.title"));
        title.getStyleClass().add(Styles.TITLE_3);

        HBox formatRow =
                ChoiceRows.formats("export", ExportFormat.values(), ExportFormat::id, texts, formats, formatButtons);
        ChoiceRows.hint(hint, "export", 520);
        HBox fileRow = ChoiceRows.file("export", file, choose, texts);

        warning.setId("exportWarning");
        warning.setText(texts.get("export.plaintextWarning"));
        warning.setWrapText(true);
        warning.setMaxWidth(520);
        warning.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        understood.setId("exportUnderstood");
        understood.setText(texts.get("export.understood"));
        understood.setWrapText(true);
        understood.setMaxWidth(520);
        master.setId("exportMaster");
        master.setPromptText(texts.get("export.masterAgain"));
        Label masterLabel = new Label(texts.get("export.masterAgain"));
        masterLabel.setLabelFor(master);
        plaintextBox = new VBox(8, warning, understood, masterLabel, master);
        plaintextBox.setId("exportPlaintext");
        plaintextBox.managedProperty().bind(plaintextBox.visibleProperty());

        progress.setPrefSize(18, 18);
        progress.setVisible(false);
        status.setId("exportStatus");
        problem.setId("exportProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        cancel.setId("exportCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);
        export.setId("exportConfirm");
        export.setText(texts.get("export.confirm"));
        HBox buttons = new HBox(8, progress, status, new atlantafx.base.controls.Spacer(), cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        form = new VBox(12, title, formatRow, hint, fileRow, plaintextBox, problem, buttons);

        Label doneTitle = new Label(texts.get("export.doneTitle"));
        doneTitle.getStyleClass().add(Styles.TITLE_3);
        result.setId("exportResult");
        result.setWrapText(true);
        result.setMaxWidth(520);
        reminder.setId("exportReminder");
        reminder.setWrapText(true);
        reminder.setMaxWidth(520);
        reminder.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        reminder.managedProperty().bind(reminder.visibleProperty());
        close.setId("exportClose");
        close.setText(texts.get("transfer.close"));
        close.setDefaultButton(true);
        HBox closeRow = new HBox(close);
        closeRow.setAlignment(Pos.CENTER_RIGHT);
        finished = new VBox(12, doneTitle, result, reminder, closeRow);
        finished.setId("exportDone");
        finished.setVisible(false);
        form.managedProperty().bind(form.visibleProperty());
        finished.managedProperty().bind(finished.visibleProperty());

        root = new VBox(new StackPane(form, finished));
        root.setId("exportDialog");
        root.setPrefWidth(560);
    }
}
