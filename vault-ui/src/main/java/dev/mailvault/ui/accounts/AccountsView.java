package dev.mailvault.ui.accounts;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.ui.common.Formats;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.common.Toolbars;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The main window: toolbar with search, a banner when something is due, the table, the detail. */
final class AccountsView {
    final TextField search = new TextField();
    final Button add = new Button();
    final Button verifyAll = new Button();
    final Button audit = new Button();
    final MenuButton transfer = new MenuButton();
    final MenuItem importItem = new MenuItem();
    final MenuItem exportItem = new MenuItem();
    final Button settings = new Button();
    final Button lock = new Button();
    final Label banner = new Label();
    final ProgressIndicator verifyAllProgress = new ProgressIndicator();
    final Label verifyAllStatus = new Label();
    final Button cancelVerifyAll = new Button();
    final Button dismissVerifyAll = new Button();
    final HBox verifyAllBar;
    final TableView<AccountRow> table = new TableView<>();
    final Label empty = new Label();
    final StackPane detail = new StackPane();
    final BorderPane root = new BorderPane();

    AccountsView(Texts texts, Formats formats) {
        Label title = new Label(texts.get("app.title"));
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        search.setId("search");
        search.setPromptText(texts.get("accounts.search"));
        search.setPrefColumnCount(22);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setId("addAccount");
        add.setText(texts.get("accounts.add"));
        add.getStyleClass().add(Styles.ACCENT);
        verifyAll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        verifyAll.setId("verifyAll");
        verifyAll.setText(texts.get("accounts.verifyAll"));
        verifyAll.setTooltip(
                new Tooltip(texts.get("accounts.verifyAllHint", VerifyService.LOCKOUT_WINDOW.toMinutes())));
        audit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        audit.setId("openAudit");
        audit.setText(texts.get("audit.open"));
        audit.setTooltip(new Tooltip(texts.get("audit.openHint")));
        transfer.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        transfer.setId("transfer");
        transfer.setText(texts.get("transfer.menu"));
        importItem.setId("openImport");
        importItem.setText(texts.get("import.open"));
        exportItem.setId("openExport");
        exportItem.setText(texts.get("export.open"));
        transfer.getItems().addAll(importItem, exportItem);
        settings.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        settings.setId("openSettings");
        settings.setText(texts.get("settings.open"));
        lock.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        lock.setId("lock");
        lock.setText(texts.get("accounts.lock"));
        lock.setTooltip(new Tooltip("Ctrl+L"));
        HBox toolbar = Toolbars.bar(title, new Spacer(), search, add, verifyAll, audit, transfer, settings, lock);

        banner.setId("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add("banner");
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);

        // a run over every account reports here: progress and Cancel while it runs, then the summary
        verifyAllProgress.setId("verifyAllProgress");
        verifyAllProgress.setPrefSize(18, 18);
        verifyAllProgress.managedProperty().bind(verifyAllProgress.visibleProperty());
        verifyAllStatus.setId("verifyAllStatus");
        verifyAllStatus.setWrapText(true);
        verifyAllStatus.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(verifyAllStatus, Priority.ALWAYS);
        cancelVerifyAll.setId("cancelVerifyAll");
        cancelVerifyAll.setText(texts.get("detail.cancelVerify"));
        cancelVerifyAll.getStyleClass().add(Styles.SMALL);
        cancelVerifyAll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancelVerifyAll.managedProperty().bind(cancelVerifyAll.visibleProperty());
        dismissVerifyAll.setId("dismissVerifyAll");
        dismissVerifyAll.setText("\u2715");
        dismissVerifyAll.setTooltip(new Tooltip(texts.get("verifyAll.dismiss")));
        dismissVerifyAll.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        dismissVerifyAll.managedProperty().bind(dismissVerifyAll.visibleProperty());
        verifyAllBar = new HBox(10, verifyAllProgress, verifyAllStatus, cancelVerifyAll, dismissVerifyAll);
        verifyAllBar.setId("verifyAllBar");
        verifyAllBar.setAlignment(Pos.CENTER_LEFT);
        verifyAllBar.getStyleClass().add("verify-all-bar");
        verifyAllBar.managedProperty().bind(verifyAllBar.visibleProperty());
        verifyAllBar.setVisible(false);

        table.setId("accounts");
        table.getStyleClass().addAll(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        empty.setId("accountsEmpty");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getColumns().add(addressColumn(texts));
        table.getColumns().add(providerColumn(texts));
        table.getColumns().add(ageColumn(texts, formats));
        table.getColumns().add(checkColumn(texts, formats));
        table.getColumns().add(devicesColumn(texts));

        detail.setId("detailPane");
        detail.getStyleClass().add("detail-pane");
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.6);

        root.setTop(new VBox(toolbar, banner, verifyAllBar));
        root.setCenter(split);
        root.setId("mainScreen");
    }

    private static TableColumn<AccountRow, AccountRow> column(String title, double width) {
        TableColumn<AccountRow, AccountRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<AccountRow, AccountRow> addressColumn(Texts texts) {
        TableColumn<AccountRow, AccountRow> column = column(texts.get("accounts.col.address"), 225);
        column.setComparator(java.util.Comparator.comparing(AccountRow::address));
        column.setCellFactory(c -> new RowCell(row -> {
            Label address = new Label(row.address().value());
            address.getStyleClass().add(Styles.TEXT_BOLD);
            if (row.displayName().isEmpty()) {
                return address;
            }
            Label name = new Label(row.displayName());
            name.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            return new VBox(address, name);
        }));
        return column;
    }

    private static TableColumn<AccountRow, AccountRow> providerColumn(Texts texts) {
        TableColumn<AccountRow, AccountRow> column = column(texts.get("accounts.col.provider"), 115);
        column.setComparator(java.util.Comparator.comparing(AccountRow::provider));
        column.setCellFactory(c -> new RowCell(row -> {
            Label name = new Label(row.provider());
            name.setTooltip(new Tooltip(row.provider()));
            return name;
        }));
        return column;
    }

    private static TableColumn<AccountRow, AccountRow> ageColumn(Texts texts, Formats formats) {
        TableColumn<AccountRow, AccountRow> column = column(texts.get("accounts.col.age"), 95);
        column.setComparator(java.util.Comparator.comparing(AccountRow::band)
                .thenComparing(r -> r.age().toTotalMonths() * 31 + r.age().getDays()));
        column.setCellFactory(c -> new RowCell(row -> bandLabel(formats.age(row.age()), row.band(), texts)));
        return column;
    }

    static Label bandLabel(String text, PasswordAge.Band band, Texts texts) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("band-dot");
        Label label = new Label(text, dot);
        label.getStyleClass().add("band-" + band.name().toLowerCase(Locale.ROOT));
        label.setTooltip(new Tooltip(texts.get("band." + band.name())));
        return label;
    }

    private static TableColumn<AccountRow, AccountRow> checkColumn(Texts texts, Formats formats) {
        TableColumn<AccountRow, AccountRow> column = column(texts.get("accounts.col.check"), 170);
        column.setComparator(java.util.Comparator.comparing(
                r -> r.lastCheck().map(c -> c.ok() ? 1 : 0).orElse(2)));
        column.setCellFactory(c -> new RowCell(row -> row.lastCheck()
                .<Node>map(check -> CheckLabels.of(check, texts, formats))
                .orElseGet(() -> {
                    Label never = new Label(texts.get("check.never"));
                    never.getStyleClass().add(Styles.TEXT_MUTED);
                    return never;
                })));
        return column;
    }

    private static TableColumn<AccountRow, AccountRow> devicesColumn(Texts texts) {
        TableColumn<AccountRow, AccountRow> column = column(texts.get("accounts.col.devices"), 140);
        column.setComparator(java.util.Comparator.comparingInt(AccountRow::staleDevices));
        column.setCellFactory(c -> new RowCell(row -> {
            if (row.staleDevices() == 0) {
                Label none = new Label(texts.get("devices.upToDate"));
                none.getStyleClass().add(Styles.TEXT_MUTED);
                return none;
            }
            Label stale = new Label(texts.get("devices.stale", row.staleDevices()));
            stale.getStyleClass().add("stale-devices");
            return stale;
        }));
        return column;
    }

    /** A cell that shows a node made from the whole row. */
    private static final class RowCell extends TableCell<AccountRow, AccountRow> {
        private final java.util.function.Function<AccountRow, Node> render;

        RowCell(java.util.function.Function<AccountRow, Node> render) {
            this.render = render;
        }

        @Override
        protected void updateItem(AccountRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(empty || row == null ? null : render.apply(row));
        }
    }
}
