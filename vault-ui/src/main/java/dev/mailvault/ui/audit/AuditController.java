package dev.mailvault.ui.audit;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.audit.Audit;
import dev.mailvault.core.audit.AuditReport;
import dev.mailvault.core.audit.AuditTexts;
import dev.mailvault.ui.accounts.AccountFormController;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.Screen;
import dev.mailvault.ui.detail.DetailController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;

/**
 * The audit list, from the same core call as {@code vault audit}: every account that needs
 * attention in the core's order, each reason with its next step. Selecting an account shows it in
 * the detail pane, where the reasons can be put right (verify, change, tick devices); every change
 * there runs the audit again.
 */
public final class AuditController implements Screen {
    private final AppContext context;
    private final AuditView view;
    private final DetailController detail;
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    /** Only the newest run is shown: an older one may finish later. */
    private long request;
    /** Set while the rows are replaced, so the detail pane does not follow the passing selections. */
    private boolean reloading;

    public AuditController(AppContext context, Runnable back) {
        this.context = context;
        this.view = new AuditView(context.texts(), context.clock().getZone());
        this.detail = new DetailController(context, this::refresh, this::editAccount);
        view.detail.getChildren().setAll(detail.view());
        view.list.setItems(rows);
        view.list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (reloading || row == null) {
                return;
            }
            if (old == null || !row.address().equals(old.address())) {
                detail.show(row.info());
            }
        });
        view.back.setOnAction(e -> back.run());
        view.lock.setOnAction(e -> context.lock());
        refresh();
    }

    @Override
    public Parent view() {
        return view.root;
    }

    private record Loaded(AuditReport report, Map<Address, AccountInfo> accounts) {}

    /** Runs the audit in the background and shows it, keeping the account shown in the detail pane. */
    public void refresh() {
        long mine = ++request;
        Optional<Address> keep = detail.address();
        context.background()
                .run(
                        () -> {
                            VaultSession session = context.session();
                            AuditReport report = Audit.run(session, context.catalog(), context.clock());
                            Map<Address, AccountInfo> accounts = new HashMap<>();
                            for (AccountInfo account : session.accounts()) {
                                accounts.put(account.address(), account);
                            }
                            return new Loaded(report, accounts);
                        },
                        loaded -> {
                            if (mine == request) {
                                show(loaded, keep);
                            }
                        },
                        context::showError);
    }

    private void show(Loaded loaded, Optional<Address> keep) {
        AuditReport report = loaded.report();
        List<AuditRow> out = new ArrayList<>();
        report.entries()
                .forEach(entry -> Optional.ofNullable(loaded.accounts().get(entry.address()))
                        .ifPresent(info -> out.add(new AuditRow(entry, info))));
        Optional<AuditRow> again;
        reloading = true;
        try {
            rows.setAll(out);
            again = keep.flatMap(
                    a -> rows.stream().filter(r -> r.address().equals(a)).findFirst());
            again.ifPresent(row -> view.list.getSelectionModel().select(row));
        } finally {
            reloading = false;
        }
        // an account put right from here drops off the list but stays in the detail pane
        Optional<AccountInfo> kept = keep.map(loaded.accounts()::get);
        String summary = AuditTexts.summary(report, context.texts().locale());
        if (report.clean()) {
            view.showClean(summary, kept.isPresent());
        } else {
            view.showList(summary);
        }
        if (again.isPresent()) {
            detail.show(again.get().info());
        } else if (kept.isPresent()) {
            detail.show(kept.get());
        } else if (!rows.isEmpty()) {
            view.list.getSelectionModel().selectFirst();
        }
    }

    private void editAccount(AccountInfo info) {
        new AccountFormController(context, Optional.of(info), saved -> refresh()).show();
    }

    @Override
    public void dispose() {
        request++;
        detail.dispose();
    }
}
