package dev.mailvault.ui.accounts;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckTexts;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.ui.common.Formats;
import dev.mailvault.ui.common.Texts;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** How one check result reads in a list: an icon, the outcome in words, and when. */
public final class CheckLabels {
    private CheckLabels() {}

    public static Label of(CheckResult check, Texts texts, Formats formats) {
        boolean skipped = check.outcome() == Outcome.SKIPPED;
        Label label = new Label(
                (check.ok() ? "✔ " : skipped ? "– " : "✖ ") + outcome(check, texts) + " · " + formats.ago(check.at()));
        label.getStyleClass().add(check.ok() ? "check-ok" : skipped ? "check-skipped" : "check-failed");
        label.getStyleClass().add(check.ok() ? Styles.SUCCESS : skipped ? Styles.TEXT_MUTED : Styles.DANGER);
        String message = CheckTexts.message(check, texts.locale());
        String detail = check.protocol().id().toUpperCase(java.util.Locale.ROOT) + " " + check.host() + ":"
                + check.port() + (message.isEmpty() ? "" : "\n" + message);
        label.setTooltip(new Tooltip(detail));
        return label;
    }

    public static String outcome(CheckResult check, Texts texts) {
        return texts.get("outcome." + check.outcome().name());
    }
}
