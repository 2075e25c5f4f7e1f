package dev.mailvault.ui.accounts;

import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Asks before an account is removed: which one, what goes, and what stays at the provider. */
final class RemoveAccountView {
    final Label address = new Label();
    final Label deleted = new Label();
    final Label untouched = new Label();
    final Label problem = new Label();
    final Button cancel = new Button();
    final Button remove = new Button();
    final VBox root;

    RemoveAccountView(Texts texts) {
        Label title = new Label(texts.get("remove.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        address.setId("removeAddress");
        address.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_BOLD);
        for (Label text : new Label[] {deleted, untouched, problem}) {
            text.setWrapText(true);
            text.setMaxWidth(460);
        }
        deleted.setId("removeDeleted");
        untouched.setId("removeUntouched");
        problem.setId("removeProblem");
        problem.getStyleClass().add(Styles.DANGER);
        cancel.setId("removeCancel");
        cancel.setText(texts.get("form.cancel"));
        // like the CLI's [y/N]: Enter and Escape keep the account, only the red button removes it
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        remove.setId("removeConfirm");
        remove.setText(texts.get("remove.confirm"));
        remove.getStyleClass().add(Styles.DANGER);
        HBox buttons = new HBox(8, cancel, remove);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(12, title, address, deleted, untouched, problem, buttons);
        root.setId("removeDialog");
    }
}
