package dev.mailvault.ui.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.mailvault.core.audit.AuditEntry;
import dev.mailvault.core.audit.AuditFlag;
import dev.mailvault.core.audit.AuditTexts;
import dev.mailvault.core.audit.FlagCode;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.common.Toolbars;
import java.time.ZoneId;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.TextAlignment;

/**
 * The audit list: a toolbar, the core's one-line summary, the accounts that need attention with
 * each reason and its next step (the core's words), and the detail pane; or, when nothing needs
 * attention, a plain "all clear".
 */
final class AuditView {
    final Button back = new Button();
    final Button lock = new Button();
    final Label summary = new Label();
    final ListView<AuditRow> list = new ListView<>();
    final Label running = new Label();
    final VBox clean = new VBox(10);
    final Label cleanSummary = new Label();
    final StackPane detail = new StackPane();
    final BorderPane root = new BorderPane();
    private final StackPane left;
    private final SplitPane split;
    private final Texts texts;
    private final Locale locale;
    private final ZoneId zone;

    AuditView(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.locale = texts.locale();
        this.zone = zone;

        back.setId("auditBack");
        back.setText(texts.get("audit.back"));
        back.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(texts.get("audit.title"));
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        lock.setId("lock");
        lock.setText(texts.get("accounts.lock"));
        lock.setTooltip(new Tooltip("Ctrl+L"));
        lock.setMinWidth(Region.USE_PREF_SIZE);
        HBox toolbar = Toolbars.bar(back, title, new Spacer(), lock);

        summary.setId("auditSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.getStyleClass().addAll("banner", "banner-warning");
        summary.managedProperty().bind(summary.visibleProperty());
        summary.setVisible(false);

        list.setId("auditList");
        list.setCellFactory(l -> new EntryCell());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        running.setId("auditRunning");
        running.setText(texts.get("audit.running"));
        running.setGraphic(spinner);
        running.getStyleClass().add(Styles.TEXT_MUTED);

        clean.setId("auditClean");
        clean.setAlignment(Pos.CENTER);
        clean.setPadding(new Insets(40));
        Label heading = new Label(texts.get("audit.cleanTitle"));
        heading.getStyleClass().add(Styles.TITLE_3);
        cleanSummary.setId("auditCleanSummary");
        cleanSummary.setWrapText(true);
        Label hint = new Label(texts.get("audit.cleanHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.setTextAlignment(TextAlignment.CENTER);
        clean.getChildren().addAll(checkMark(), heading, cleanSummary, hint);

        left = new StackPane(list, clean, running);
        detail.setId("auditDetailPane");
        detail.getStyleClass().add("detail-pane");
        split = new SplitPane(left);

        root.setTop(new VBox(toolbar, summary));
        root.setCenter(split);
        root.setId("auditScreen");
        showRunning();
    }

    private static Node checkMark() {
        Circle circle = new Circle(22);
        circle.getStyleClass().add("audit-clean-circle");
        SVGPath tick = new SVGPath();
        tick.setContent("M -10 0 L -3 8 L 11 -8");
        tick.getStyleClass().add("audit-clean-tick");
        return new StackPane(circle, tick);
    }

    void showRunning() {
        show(running);
    }

    /** The list, with the detail pane beside it. */
    void showList(String summaryText) {
        summary.setText(summaryText);
        summary.setVisible(true);
        show(list);
        showDetail(true);
    }

    /**
     * Nothing needs attention. The detail pane stays only while it shows an account (one that was
     * just put right from here).
     */
    void showClean(String summaryText, boolean keepDetail) {
        summary.setVisible(false);
        cleanSummary.setText(summaryText);
        show(clean);
        showDetail(keepDetail);
    }

    private void show(Node shown) {
        for (Node child : left.getChildren()) {
            child.setVisible(child == shown);
        }
    }

    private void showDetail(boolean shown) {
        if (shown && !split.getItems().contains(detail)) {
            split.getItems().add(detail);
            split.setDividerPositions(0.55);
        } else if (!shown) {
            split.getItems().remove(detail);
        }
    }

    private Node entryNode(AuditRow row) {
        AuditEntry entry = row.entry();
        Label address = new Label(row.address().value());
        address.getStyleClass().addAll(Styles.TEXT_BOLD, "audit-address");
        address.setMinWidth(Region.USE_PREF_SIZE);
        // as the detail pane's subtitle: the user's name for the account, then the provider
        String provider = entry.provider().name(locale);
        String name = row.info().spec().displayName();
        Label about = new Label(name.isEmpty() ? provider : name + " · " + provider);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, address, about);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(6, head);
        for (AuditFlag flag : entry.flags()) {
            box.getChildren().add(flagNode(entry, flag));
        }
        box.getStyleClass().add("audit-entry");
        return box;
    }

    private Node flagNode(AuditEntry entry, AuditFlag flag) {
        Label badge = new Label(AuditTexts.label(flag.code(), locale));
        badge.getStyleClass().addAll("audit-badge", "audit-badge-" + tone(flag.code()));
        badge.setWrapText(true);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setPrefWidth(150);
        Label reason = new Label(AuditTexts.describe(entry, flag, zone, locale));
        reason.getStyleClass().add("audit-reason");
        reason.setWrapText(true);
        Label next = new Label(texts.get("audit.next", AuditTexts.nextStep(flag, locale)));
        next.getStyleClass().addAll("audit-next", Styles.TEXT_MUTED);
        next.setWrapText(true);
        VBox words = new VBox(2, reason, next);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        HBox line = new HBox(10, badge, words);
        line.getStyleClass().add("audit-flag");
        line.setUserData(flag.code());
        return line;
    }

    /** How loud a reason's badge is: a login that fails now is red, a password merely old is quiet. */
    private static String tone(FlagCode code) {
        return switch (code) {
            case LAST_CHECK_FAILED, OAUTH_ONLY, OVERDUE -> "danger";
            case REUSED, WEAK, DEVICES_STALE, PENDING_ROTATION, APP_PASSWORD_SUSPECT -> "warning";
            case DUE_SOON, NEVER_VERIFIED, NOT_VERIFIED_RECENTLY, SETTINGS_UNCONFIRMED -> "notice";
        };
    }

    /**
     * A cell as wide as the list and as tall as its wrapped sentences. A labeled cell would size and
     * place its graphic at the graphic's unwrapped width (one long line, cut off): this one gives it
     * the cell's own width instead.
     */
    private final class EntryCell extends ListCell<AuditRow> {
        EntryCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // the list then lays cells out at its own width: no sideways scrolling
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AuditRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(empty || row == null ? null : entryNode(row));
        }

        private double innerWidth(double width) {
            return Math.max(0, (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset());
        }

        @Override
        protected double computePrefHeight(double width) {
            Node graphic = getGraphic();
            if (graphic == null) {
                return super.computePrefHeight(width);
            }
            return graphic.prefHeight(innerWidth(width)) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            Node graphic = getGraphic();
            if (graphic != null) {
                double width = innerWidth(getWidth());
                graphic.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, graphic.prefHeight(width));
            }
        }
    }
}
