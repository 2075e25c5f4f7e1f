package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The rows the import and export dialogs share: the choice of format, its hint, the file. */
final class ChoiceRows {
    private ChoiceRows() {}

    /**
     * One radio button per format, in {@code group} and in {@code buttons}; ids and texts are
     * {@code <prefix>Format-<id>} and {@code <prefix>.format.<id>}.
     */
    static <F> HBox formats(
            String prefix,
            F[] values,
            Function<F, String> id,
            Texts texts,
            ToggleGroup group,
            Map<F, RadioButton> buttons) {
        HBox row = new HBox(14);
        for (F format : values) {
            RadioButton button = new RadioButton(texts.get(prefix + ".format." + id.apply(format)));
            button.setId(prefix + "Format-" + id.apply(format));
            button.setUserData(format);
            button.setToggleGroup(group);
            buttons.put(format, button);
            row.getChildren().add(button);
        }
        return row;
    }

    /** Styles the muted line under the formats that explains the chosen one. */
    static void hint(Label hint, String prefix, double maxWidth) {
        hint.setId(prefix + "Hint");
        hint.setWrapText(true);
        hint.setMaxWidth(maxWidth);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
    }

    /** The chosen file's path (none yet at first) and the button that chooses it. */
    static HBox file(String prefix, Label file, Button choose, Texts texts) {
        file.setId(prefix + "File");
        file.setText(texts.get("transfer.noFile"));
        file.setWrapText(true);
        file.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(file, Priority.ALWAYS);
        choose.setId(prefix + "Choose");
        choose.setText(texts.get("transfer.choose"));
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, file, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
