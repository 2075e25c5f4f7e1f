package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.transfer.ImportFormat;
import dev.mailvault.ui.common.Texts;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The import dialog: the format and the file, then what the file holds (accounts to add, entries
 * skipped, and for a Thunderbird profile a password field pair per missing password), then what was
 * added.
 */
final class ImportView {
    final ToggleGroup formats = new ToggleGroup();
    final Map<ImportFormat, RadioButton> formatButtons = new EnumMap<>(ImportFormat.class);
    final Label hint = new Label();
    final Label file = new Label();
    final Button choose = new Button();
    final Button read = new Button();
    final ProgressIndicator progress = new ProgressIndicator();
    final Label status = new Label();
    final Label problem = new Label();
    /** Filled by the controller once the file is read. */
    final VBox summary = new VBox(8);

    final ScrollPane summaryScroll = new ScrollPane(summary);
    final Button cancel = new Button();
    final Button confirm = new Button();
    final VBox form;

    final Label result = new Label();
    final VBox report = new VBox(8);
    final Button close = new Button();
    final VBox finished;

    final VBox root;

    ImportView(Texts texts) {
        Label title = new Label(texts.get("import.title"));
        title.getStyleClass().add(Styles.TITLE_3);

        HBox formatRow =
                ChoiceRows.formats("import", ImportFormat.values(), ImportFormat::id, texts, formats, formatButtons);
        ChoiceRows.hint(hint, "import", 560);
        HBox fileRow = ChoiceRows.file("import", file, choose, texts);

        read.setId("importRead");
        read.setText(texts.get("import.read"));
        progress.setPrefSize(18, 18);
        progress.setVisible(false);
        status.setId("importStatus");
        HBox readRow = new HBox(10, read, progress, status);
        readRow.setAlignment(Pos.CENTER_LEFT);

        problem.setId("importProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(560);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        summary.setId("importSummary");
        summaryScroll.setFitToWidth(true);
        summaryScroll.setPrefViewportHeight(260);
        summaryScroll.setPrefViewportWidth(560);
        summaryScroll.managedProperty().bind(summaryScroll.visibleProperty());
        summaryScroll.setVisible(false);

        cancel.setId("importCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);
        confirm.setId("importConfirm");
        confirm.setText(texts.get("import.confirmNone"));
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDisable(true);
        HBox buttons = new HBox(8, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        form = new VBox(12, title, formatRow, hint, fileRow, readRow, problem, summaryScroll, buttons);

        Label doneTitle = new Label(texts.get("import.doneTitle"));
        doneTitle.getStyleClass().add(Styles.TITLE_3);
        result.setId("importResult");
        result.setWrapText(true);
        result.setMaxWidth(560);
        report.setId("importReport");
        ScrollPane reportScroll = new ScrollPane(report);
        reportScroll.setFitToWidth(true);
        reportScroll.setPrefViewportHeight(260);
        reportScroll.setPrefViewportWidth(560);
        close.setId("importClose");
        close.setText(texts.get("transfer.close"));
        close.setDefaultButton(true);
        HBox closeRow = new HBox(close);
        closeRow.setAlignment(Pos.CENTER_RIGHT);
        finished = new VBox(12, doneTitle, result, reportScroll, closeRow);
        finished.setId("importDone");
        finished.setVisible(false);
        form.managedProperty().bind(form.visibleProperty());
        finished.managedProperty().bind(finished.visibleProperty());

        root = new VBox(new StackPane(form, finished));
        root.setId("importDialog");
        root.setPrefWidth(600);
    }
}
