package dev.mailvault.ui.common;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.audit.PasswordStrength;
import dev.mailvault.core.crypto.Secret;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * zxcvbn's verdict on a master password as the user types it: a bar, a word for the score, a
 * warning when core rates it weak, and zxcvbn's hint. It advises only; what is refused is decided
 * where the password is used, and a weak password is not refused (as in {@code vault init}).
 */
public final class StrengthMeter {
    private static final String[] SCORE_STYLES = {
        "strength-weak", "strength-weak", "strength-fair", "strength-good", "strength-good"
    };
    private final Texts texts;
    private final Background background;
    private final TextField field;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();
    private final Label warning = new Label();
    private final Label hint = new Label();
    private final VBox node;
    private long request;

    /** Watches {@code field}; the nodes get the ids {@code idPrefix} + Bar, Text, Warning and Hint. */
    public StrengthMeter(Texts texts, Background background, TextField field, String idPrefix) {
        this.texts = texts;
        this.background = background;
        this.field = field;
        bar.setId(idPrefix + "Bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        text.setId(idPrefix + "Text");
        text.setMinWidth(110);
        HBox meter = new HBox(10, bar, text);
        meter.setAlignment(Pos.CENTER_LEFT);
        warning.setId(idPrefix + "Warning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        warning.managedProperty().bind(warning.visibleProperty());
        hint.setId(idPrefix + "Hint");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        node = new VBox(4, meter, warning, hint);
        field.textProperty().addListener((obs, old, now) -> measure());
        show(null);
    }

    public VBox node() {
        return node;
    }

    private void measure() {
        long asked = ++request;
        if (field.getLength() == 0) {
            show(null);
            return;
        }
        Secret value = PasswordFields.peek(field);
        // zxcvbn loads its dictionaries on first use (seconds): never on the FX thread
        background.run(
                () -> {
                    try (value) {
                        return PasswordStrength.measureMasterPassword(value, texts.locale());
                    }
                },
                result -> {
                    if (asked == request && field.getLength() > 0) {
                        show(result);
                    }
                },
                error -> {});
    }

    private void show(PasswordStrength.Result result) {
        bar.getStyleClass().removeAll(SCORE_STYLES);
        warning.setVisible(result != null && result.weak());
        if (result == null) {
            bar.setProgress(0);
            text.setText(texts.get("strength.empty"));
            hint.setText(texts.get("strength.advice"));
            return;
        }
        bar.setProgress((result.score() + 1) / 5.0);
        bar.getStyleClass().add(SCORE_STYLES[result.score()]);
        text.setText(texts.get("strength.score." + result.score()));
        warning.setText(result.weak() ? texts.get("strength.weakWarning", result.score()) : "");
        String advice = result.warning().isEmpty()
                ? String.join(" ", result.suggestions())
                : result.warning() + " " + String.join(" ", result.suggestions());
        hint.setText(result.good() && advice.isBlank() ? texts.get("strength.fine") : advice.strip());
    }
}
