package dev.mailvault.ui.settings;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Language, theme, the auto-lock delay, and the way to change the master password. */
final class SettingsView {
    final ComboBox<Settings.Language> language = new ComboBox<>();
    final ComboBox<Settings.Theme> theme = new ComboBox<>();
    final Spinner<Integer> autoLock = new Spinner<>(Settings.MIN_AUTO_LOCK_MINUTES, Settings.MAX_AUTO_LOCK_MINUTES, 5);
    final Button changeMaster = new Button();
    final Button save = new Button();
    final Button cancel = new Button();
    final VBox root;

    SettingsView(Texts texts) {
        Label title = new Label(texts.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        language.setId("settingsLanguage");
        language.getItems().addAll(Settings.Language.values());
        language.setConverter(new EnumText<>(texts, "settings.language."));
        theme.setId("settingsTheme");
        theme.getItems().addAll(Settings.Theme.values());
        theme.setConverter(new EnumText<>(texts, "settings.theme."));
        autoLock.setId("settingsAutoLock");
        autoLock.setEditable(true);
        autoLock.setPrefWidth(100);
        changeMaster.setId("changeMaster");
        changeMaster.setText(texts.get("settings.changeMaster"));
        save.setId("settingsSave");
        save.setText(texts.get("form.save"));
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        cancel.setId("settingsCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label(texts.get("settings.language")), language);
        grid.addRow(1, new Label(texts.get("settings.theme")), theme);
        grid.addRow(
                2,
                new Label(texts.get("settings.autoLock")),
                new HBox(8, autoLock, new Label(texts.get("settings.minutes"))));
        grid.addRow(3, new Label(texts.get("settings.master")), changeMaster);
        Label note = new Label(texts.get("settings.shortcuts"));
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(14, title, grid, note, buttons);
        root.setId("settingsDialog");
    }

    /** Shows enum values in words from the bundle. */
    private static final class EnumText<E extends Enum<E>> extends javafx.util.StringConverter<E> {
        private final Texts texts;
        private final String prefix;

        EnumText(Texts texts, String prefix) {
            this.texts = texts;
            this.prefix = prefix;
        }

        @Override
        public String toString(E value) {
            return value == null ? "" : texts.get(prefix + value.name());
        }

        @Override
        public E fromString(String text) {
            throw new UnsupportedOperationException("the choice is not editable");
        }
    }
}
