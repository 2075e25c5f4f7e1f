package dev.mailvault.ui.accounts;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.core.remind.ReminderItem;
import dev.mailvault.core.remind.ReminderStatus;
import dev.mailvault.core.remind.Reminders;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.Formats;
import dev.mailvault.ui.common.ProviderNames;
import dev.mailvault.ui.common.Screen;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.detail.DetailController;
import dev.mailvault.ui.transfer.ExportController;
import dev.mailvault.ui.transfer.ImportController;
import dev.mailvault.ui.verify.VerifySummary;
import dev.mailvault.ui.verify.VerifyTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Parent;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The main window: loads the accounts from the session in the background, filters them by the
 * search text, shows the selected one in the detail pane. Keyboard: Ctrl+F search, Ctrl+C copy the
 * selected account's password, Enter verify it.
 */
public final class AccountsController implements Screen {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final AppContext context;
    private final Texts texts;
    private final AccountsView view;
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    private final FilteredList<AccountRow> filtered = new FilteredList<>(rows);
    private final DetailController detail;
    private final Runnable openSettings;
    private final Runnable openAudit;
    private Optional<String> notice = Optional.empty();
    private VerifyTask verifyingAll;
    /** Set while the rows are replaced, so the detail pane does not blink through "nothing selected". */
    private boolean reloading;

    public AccountsController(AppContext context, Runnable openSettings, Runnable openAudit) {
        this.context = context;
        this.texts = context.texts();
        this.openSettings = openSettings;
        this.openAudit = openAudit;
        this.view = new AccountsView(texts, new Formats(texts, context.clock()));
        this.detail = new DetailController(context, this::refresh, this::editAccount);
        view.detail.getChildren().setAll(detail.view());

        SortedList<AccountRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(view.table.comparatorProperty());
        view.table.setItems(sorted);
        view.search.textProperty().addListener((obs, old, query) -> filtered.setPredicate(r -> r.matches(query)));
        // an empty table says why: no account at all, or none that matches the search
        view.empty
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> rows.isEmpty() || view.search.getText().isBlank()
                                ? texts.get("accounts.empty")
                                : texts.get(
                                        "accounts.noMatch",
                                        view.search.getText().strip()),
                        rows,
                        view.search.textProperty()));
        view.table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (reloading) {
                return;
            }
            if (row == null || old == null || !row.address().equals(old.address())) {
                detail.show(row == null ? null : row.info());
            }
        });
        view.table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected().isPresent()) {
                detail.verifyNow();
                e.consume();
            }
        });
        view.root.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        view.add.setOnAction(e -> addAccount());
        view.verifyAll.setOnAction(e -> verifyAll());
        view.cancelVerifyAll.setOnAction(e -> cancelVerifyAll());
        view.dismissVerifyAll.setOnAction(e -> view.verifyAllBar.setVisible(false));
        view.audit.setOnAction(e -> openAudit.run());
        view.importItem.setOnAction(e -> new ImportController(context, this::refresh).show());
        view.exportItem.setOnAction(e -> new ExportController(context).show());
        view.settings.setOnAction(e -> openSettings.run());
        view.lock.setOnAction(e -> context.lock());
        refresh();
    }

    @Override
    public Parent view() {
        return view.root;
    }

    /** A line shown in the banner until the next unlock (for example the vault's rollback warning). */
    public void setNotice(Optional<String> notice) {
        this.notice = notice;
    }

    private void onKey(KeyEvent e) {
        if (FIND.match(e)) {
            view.search.requestFocus();
            view.search.selectAll();
            e.consume();
        } else if (COPY.match(e) && !(e.getTarget() instanceof TextInputControl)) {
            selected().ifPresent(row -> detail.copyPassword());
            e.consume();
        }
    }

    private Optional<AccountRow> selected() {
        return Optional.ofNullable(view.table.getSelectionModel().getSelectedItem());
    }

    /**
     * Reloads the table from the vault, keeping the selection; when the selected account is gone
     * (removed), the row that takes its place is selected.
     */
    public void refresh() {
        Optional<Address> keep = selected().map(AccountRow::address);
        int keepIndex = view.table.getSelectionModel().getSelectedIndex();
        PasswordAge ages = new PasswordAge(context.clock());
        context.background()
                .run(
                        () -> {
                            List<AccountInfo> accounts = context.session().accounts();
                            List<DeviceInfo> devices = context.session().devices();
                            List<AccountRow> out = new ArrayList<>();
                            for (AccountInfo info : accounts) {
                                out.add(AccountRow.of(info, providerName(info), ages));
                            }
                            return new Loaded(out, devices);
                        },
                        loaded -> show(loaded, keep, keepIndex),
                        context::showError);
    }

    private String providerName(AccountInfo info) {
        return ProviderNames.of(context.catalog(), info.spec().providerId(), info.address(), texts.locale());
    }

    private record Loaded(List<AccountRow> rows, List<DeviceInfo> devices) {}

    private void show(Loaded loaded, Optional<Address> keep, int keepIndex) {
        Optional<AccountRow> again;
        reloading = true;
        try {
            rows.setAll(loaded.rows());
            List<AccountRow> items = view.table.getItems();
            again = keep.flatMap(
                    a -> items.stream().filter(r -> r.address().equals(a)).findFirst());
            if (again.isEmpty() && keep.isPresent() && keepIndex >= 0 && !items.isEmpty()) {
                again = Optional.of(items.get(Math.min(keepIndex, items.size() - 1)));
            }
            view.table.getSelectionModel().clearSelection();
            again.ifPresent(row -> view.table.getSelectionModel().select(row));
        } finally {
            reloading = false;
        }
        showBanner(loaded);
        if (again.isPresent()) {
            detail.show(again.get().info());
        } else if (!view.table.getItems().isEmpty()) {
            view.table.getSelectionModel().selectFirst();
        } else {
            detail.show(null);
        }
    }

    private void showBanner(Loaded loaded) {
        // the same reminder rule as `vault remind`: overdue, or due within its window
        List<ReminderItem> due = new Reminders(context.clock())
                .due(loaded.rows().stream().map(AccountRow::info).toList());
        long overdue =
                due.stream().filter(i -> i.status() == ReminderStatus.OVERDUE).count();
        long dueSoon = due.size() - overdue;
        long stale = loaded.devices().stream().filter(DeviceInfo::stale).count();
        List<String> parts = new ArrayList<>();
        notice.ifPresent(parts::add);
        if (overdue > 0) {
            parts.add(texts.get("banner.overdue", overdue));
        }
        if (dueSoon > 0) {
            parts.add(texts.get("banner.dueSoon", dueSoon, Reminders.DUE_SOON_DAYS));
        }
        if (stale > 0) {
            parts.add(texts.get("banner.stale", stale));
        }
        view.banner.setText(String.join("  ·  ", parts));
        view.banner.setVisible(!parts.isEmpty());
        view.banner.getStyleClass().removeAll("banner-danger", "banner-warning");
        view.banner.getStyleClass().add(overdue > 0 || notice.isPresent() ? "banner-danger" : "banner-warning");
    }

    /**
     * {@code vault verify --all} in the background: each result updates its row (and the detail
     * pane, when it is that account's) as it arrives; a summary follows. One run at a time.
     */
    void verifyAll() {
        if (verifyingAll != null) {
            return;
        }
        PasswordAge ages = new PasswordAge(context.clock());
        VerifyTask[] self = new VerifyTask[1];
        VerifyTask task = VerifyTask.all(context.session(), context.catalog(), context.clock(), check -> {
            // a cancelled run's late results are left to the reload that follows the cancel
            if (verifyingAll == self[0]) {
                showCheck(check, ages);
                detail.resultArrived(check);
            }
        });
        self[0] = task;
        verifyingAll = task;
        view.verifyAllStatus.setText(texts.get("verify.running"));
        task.workDoneProperty().addListener((obs, old, done) -> {
            if (verifyingAll == task && task.getTotalWork() > 0) {
                view.verifyAllStatus.setText(
                        texts.get("verifyAll.running", done.longValue(), (long) task.getTotalWork()));
            }
        });
        view.verifyAllProgress.progressProperty().bind(task.progressProperty());
        setVerifyingAll(true);
        context.background()
                .submit(
                        task,
                        report -> {
                            if (verifyingAll == task) {
                                finishVerifyAll();
                                view.verifyAllStatus.setText(VerifySummary.ofAll(report, texts));
                                refresh();
                            }
                        },
                        error -> {
                            if (verifyingAll == task) {
                                finishVerifyAll();
                                view.verifyAllBar.setVisible(false);
                                refresh();
                                context.showError(error);
                            }
                        });
    }

    private void cancelVerifyAll() {
        VerifyTask task = verifyingAll;
        if (task != null) {
            task.cancel();
            finishVerifyAll();
            view.verifyAllStatus.setText(texts.get("verify.cancelled"));
            refresh();
        }
    }

    private void finishVerifyAll() {
        verifyingAll = null;
        setVerifyingAll(false);
    }

    private void setVerifyingAll(boolean running) {
        view.verifyAllBar.setVisible(true);
        view.verifyAll.setDisable(running);
        view.cancelVerifyAll.setVisible(running);
        view.verifyAllProgress.setVisible(running);
        view.dismissVerifyAll.setVisible(!running);
        if (!running) {
            view.verifyAllProgress.progressProperty().unbind();
        }
    }

    /**
     * A result shown in its row before the vault is read again. A skipped login is not recorded, so
     * its row keeps the check that caused the skip.
     */
    private void showCheck(CredentialCheck check, PasswordAge ages) {
        if (check.result().outcome() == Outcome.SKIPPED) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            AccountRow row = rows.get(i);
            if (row.address().equals(check.account())) {
                boolean wasSelected =
                        selected().map(s -> s.address().equals(row.address())).orElse(false);
                AccountRow updated = row.withCheck(check.result(), ages);
                reloading = true;
                try {
                    rows.set(i, updated);
                    if (wasSelected) {
                        view.table.getSelectionModel().select(updated);
                    }
                } finally {
                    reloading = false;
                }
                return;
            }
        }
    }

    private void addAccount() {
        new AccountFormController(context, Optional.empty(), saved -> {
                    refresh();
                    selectLater(saved);
                })
                .show();
    }

    private void editAccount(AccountInfo info) {
        new AccountFormController(context, Optional.of(info), saved -> refresh()).show();
    }

    private void selectLater(Address address) {
        // the refresh above is still loading: select once the rows are in
        rows.addListener(new javafx.collections.ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends AccountRow> change) {
                rows.removeListener(this);
                Platform.runLater(() -> view.table.getItems().stream()
                        .filter(r -> r.address().equals(address))
                        .findFirst()
                        .ifPresent(r -> {
                            view.table.getSelectionModel().select(r);
                            view.table.scrollTo(r);
                        }));
            }
        });
    }

    @Override
    public void dispose() {
        if (verifyingAll != null) {
            verifyingAll.cancel();
            verifyingAll = null;
        }
        detail.dispose();
    }
}
