package dev.mailvault.ui.devices;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Register a device: its name, its kind, and which accounts' passwords are typed into it. */
final class DeviceFormView {
    final TextField name = new TextField();
    final ComboBox<DeviceType> type = new ComboBox<>();
    final VBox accounts = new VBox(6);
    final Label problem = new Label();
    final Button save = new Button();
    final Button cancel = new Button();
    final VBox root;

    DeviceFormView(Texts texts) {
        Label title = new Label(texts.get("deviceForm.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        name.setId("deviceName");
        name.setPromptText(texts.get("deviceForm.namePrompt"));
        type.setId("deviceType");
        type.getItems().setAll(DeviceType.values());
        type.setMaxWidth(Double.MAX_VALUE);
        accounts.setId("deviceAccounts");
        problem.setId("deviceProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        save.setId("deviceSave");
        save.setText(texts.get("form.save"));
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        cancel.setId("deviceCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label(texts.get("deviceForm.name")), name);
        grid.addRow(1, new Label(texts.get("deviceForm.type")), type);
        grid.addRow(2, new Label(texts.get("deviceForm.uses")), accounts);
        name.setPrefColumnCount(24);
        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(14, title, grid, problem, buttons);
        root.setId("deviceForm");
        root.setMaxWidth(520);
    }
}
