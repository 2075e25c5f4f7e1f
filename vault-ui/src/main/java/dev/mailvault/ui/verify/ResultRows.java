package dev.mailvault.ui.verify;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckTexts;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One verification result as a row: protocol and value, icon and outcome, server, time, message. */
public final class ResultRows {
    private ResultRows() {}

    public static VBox of(CredentialCheck check, Texts texts) {
        CheckResult r = check.result();
        // a login not tried is no failure: no red cross
        boolean skipped = r.outcome() == Outcome.SKIPPED;
        Label outcome = new Label((r.ok() ? "✔ " : skipped ? "– " : "✖ ")
                + texts.get("outcome." + r.outcome().name()));
        outcome.getStyleClass()
                .addAll(r.ok() ? Styles.SUCCESS : skipped ? Styles.TEXT_MUTED : Styles.DANGER, Styles.TEXT_BOLD);
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label(r.protocol().id().toUpperCase(Locale.ROOT) + " · "
                + texts.get("slot." + r.credential().id()));
        what.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, outcome, what);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, top);
        String where = r.host() + ":" + r.port() + (r.millis() > 0 ? " · " + r.millis() + " ms" : "");
        String said = said(r, texts);
        Label detail = new Label(said.isEmpty() ? where : where + " · " + said);
        detail.setWrapText(true);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        row.getChildren().add(detail);
        row.getStyleClass().addAll("verify-row", r.ok() ? "verify-ok" : skipped ? "verify-skipped" : "verify-failed");
        row.setUserData(check);
        return row;
    }

    /**
     * What the server said: its code, its answer and its alert in parentheses, each text once (an
     * answer that is itself the alert, {@code A1 OK [ALERT] text}, is shown as the alert only). When
     * no server answered, Mail Vault's own description instead, in the app's language.
     */
    static String said(CheckResult r, Texts texts) {
        // the lockout rule's own words name the CLI's --force; here, Verify now is the way to try it
        Optional<CheckTexts.Recognized> lockout =
                CheckTexts.recognize(r).filter(known -> known.kind() == CheckTexts.Kind.LOCKOUT_PROTECTION);
        if (lockout.isPresent()) {
            List<String> values = lockout.get().values();
            String failed =
                    texts.has("outcome." + values.get(1)) ? texts.get("outcome." + values.get(1)) : values.get(1);
            return texts.get("verify.lockoutSkipped", values.get(0), failed);
        }
        return said(r, texts.locale());
    }

    static String said(CheckResult r, Locale locale) {
        String message = CheckTexts.message(r, locale);
        String answer = r.alert().isEmpty()
                ? message
                : r.messageInAlert() ? "(" + r.alert() + ")" : message + " (" + r.alert() + ")";
        return ((r.code().isEmpty() ? "" : "[" + r.code() + "] ") + answer).strip();
    }
}
