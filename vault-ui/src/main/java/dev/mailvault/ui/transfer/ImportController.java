package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.ImportFormat;
import dev.mailvault.core.transfer.ImportPlan;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportReport;
import dev.mailvault.core.transfer.Imported;
import dev.mailvault.core.transfer.Importer;
import dev.mailvault.core.transfer.PlannedAccount;
import dev.mailvault.core.transfer.ServerLookup;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.core.transfer.Skipped;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;

/**
 * Imports accounts from another password manager or a Thunderbird profile, with the CLI's rules
 * ({@code vault import}): the whole file is read and checked first, and a file that does not read
 * writes nothing and says where it broke; then the user sees what will be added and what is skipped
 * and why, and only on confirmation are all accounts added in one transaction. A Thunderbird profile
 * holds no readable passwords: each is typed twice here, and an empty pair skips that account.
 */
public final class ImportController {
    private final AppContext context;
    private final Texts texts;
    private final Runnable onImported;
    private final ImportView view;
    private final List<Asked> asked = new ArrayList<>();
    private Path file;
    private ImportPlan plan;
    private boolean busy;
    private boolean closed;
    /** Whether the plan read has any account the vault does not hold yet. */
    private boolean anythingToAdd;

    /** A password the file lacks, asked in the dialog. */
    private record Asked(Address address, CredentialRef ref, PasswordField value, PasswordField repeat) {}

    /** The file read, and which of its accounts the vault already holds. */
    private record Preview(ImportPlan plan, List<PlannedAccount> toAdd, List<Skipped> skipped) {}

    public ImportController(AppContext context, Runnable onImported) {
        this.context = context;
        this.texts = context.texts();
        this.onImported = onImported;
        this.view = new ImportView(texts);
        view.formats.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                formatChanged();
            }
        });
        view.formatButtons.get(ImportFormat.KEEPASSXC_CSV).setSelected(true);
        view.choose.setOnAction(e -> choose());
        view.read.setOnAction(e -> read());
        view.cancel.setOnAction(e -> context.modal().hide());
        view.confirm.setOnAction(e -> confirm());
        view.close.setOnAction(e -> context.modal().hide());
        updateButtons();
    }

    public void show() {
        context.modal().show(view.root, this::closed);
        Platform.runLater(view.choose::requestFocus);
    }

    private ImportFormat format() {
        return (ImportFormat) view.formats.getSelectedToggle().getUserData();
    }

    private void formatChanged() {
        view.hint.setText(texts.get("import.hint." + format().id()));
        // a profile folder is not a CSV file: what was chosen for another format is not kept
        file = null;
        view.file.setText(texts.get("transfer.noFile"));
        view.problem.setText("");
        dropPlan();
        updateButtons();
    }

    private void choose() {
        ImportFormat format = format();
        String title = texts.get("import.chooseTitle." + format.id());
        Optional<Path> chosen = switch (format) {
            case KEEPASSXC_CSV -> context.files().openFile(title, texts.get("import.filter.csv"), List.of("*.csv"));
            case BITWARDEN_JSON -> context.files().openFile(title, texts.get("import.filter.json"), List.of("*.json"));
            case THUNDERBIRD -> context.files().openFolder(title);
        };
        chosen.ifPresent(path -> {
            file = path.toAbsolutePath();
            view.file.setText(file.toString());
            view.problem.setText("");
            dropPlan();
            updateButtons();
            view.read.requestFocus();
        });
    }

    /** Reads and checks the whole file, off the FX thread; nothing is written. */
    private void read() {
        if (busy || file == null) {
            return;
        }
        dropPlan();
        view.problem.setText("");
        ImportFormat format = format();
        Path source = file;
        setBusy(true, texts.get("import.reading"));
        context.background().run(() -> preview(source, format), this::previewed, this::readFailed);
    }

    private Preview preview(Path source, ImportFormat format) {
        ImportPlan read = new Importer(ServerLookup.of(context.catalog())).read(source, format);
        try {
            List<PlannedAccount> toAdd = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (PlannedAccount account : read.accounts()) {
                if (context.session().findAccount(account.address()).isPresent()) {
                    skipped.add(
                            new Skipped(account.source(), account.address().value(), SkipReason.ALREADY_IN_VAULT, ""));
                } else {
                    toAdd.add(account);
                }
            }
            skipped.addAll(read.skipped());
            return new Preview(read, toAdd, skipped);
        } catch (RuntimeException e) {
            read.close();
            throw e;
        }
    }

    private void previewed(Preview preview) {
        setBusy(false, "");
        if (closed) {
            preview.plan().close();
            return;
        }
        plan = preview.plan();
        showPreview(preview);
        updateButtons();
    }

    private void readFailed(Throwable error) {
        setBusy(false, "");
        // the core's refusal names the line, item or account where the file broke, in the app's language
        String why = error instanceof ImportRefusedException refused
                ? refused.message(texts.locale())
                : ErrorTexts.describe(error, texts);
        view.problem.setText(texts.get("import.unreadable", why));
        updateButtons();
    }

    private void showPreview(Preview preview) {
        view.summary.getChildren().clear();
        asked.clear();
        List<PlannedAccount> toAdd = preview.toAdd();
        Label addHeading = heading(texts.get("import.toAdd", toAdd.size()));
        addHeading.setId("importToAddHeading");
        view.summary.getChildren().add(addHeading);
        if (!toAdd.isEmpty()) {
            GridPane grid = Grids.table(
                    "importToAdd",
                    List.of(
                            texts.get("transfer.col.address"),
                            texts.get("transfer.col.where"),
                            texts.get("transfer.col.passwords")));
            for (PlannedAccount account : toAdd) {
                Grids.row(
                        grid,
                        account.address().value(),
                        EntrySource.label(account.source(), texts.locale()),
                        refs(account.credentials()));
                for (CredentialRef ref : account.missingPasswords()) {
                    askFor(grid, account, ref);
                }
            }
            view.summary.getChildren().add(grid);
        }
        if (!asked.isEmpty()) {
            Label note = new Label(texts.get("import.asksPasswords"));
            note.setId("importAsksPasswords");
            note.setWrapText(true);
            note.setMaxWidth(540);
            view.summary.getChildren().add(1, note);
        }
        showSkipped(view.summary, "importSkipped", preview.skipped(), "import.toSkip");
        view.summaryScroll.setVisible(true);
        view.confirm.setText(
                toAdd.isEmpty() ? texts.get("import.confirmNone") : texts.get("import.confirm", toAdd.size()));
        anythingToAdd = !toAdd.isEmpty();
        if (anythingToAdd) {
            view.confirm.setDefaultButton(asked.isEmpty());
            Platform.runLater(
                    () -> (asked.isEmpty() ? view.confirm : asked.get(0).value()).requestFocus());
        }
    }

    private void askFor(GridPane grid, PlannedAccount account, CredentialRef ref) {
        int index = asked.size();
        PasswordField value = new PasswordField();
        value.setId("importPassword" + index);
        value.setPromptText(what(account.address(), ref));
        PasswordField repeat = new PasswordField();
        repeat.setId("importRepeat" + index);
        repeat.setPromptText(texts.get("import.passwordAgain"));
        int row = grid.getRowCount();
        grid.add(value, 0, row, 2, 1);
        grid.add(repeat, 2, row);
        PasswordFields.wipeWhenHidden(view.root, value, repeat);
        asked.add(new Asked(account.address(), ref, value, repeat));
    }

    private String what(Address address, CredentialRef ref) {
        return switch (ref.kind()) {
            case IMAP -> texts.get("import.what.imap", address.value());
            case SMTP -> texts.get("import.what.smtp", address.value());
            case APP -> texts.get("import.what.app", ref.label(), address.value());
            case PORTAL -> texts.get("import.what.portal", address.value());
        };
    }

    private void showSkipped(javafx.scene.layout.VBox box, String id, List<Skipped> skipped, String headingKey) {
        if (skipped.isEmpty()) {
            return;
        }
        box.getChildren().add(heading(texts.get(headingKey, skipped.size())));
        GridPane grid = Grids.table(
                id,
                List.of(
                        texts.get("transfer.col.where"),
                        texts.get("transfer.col.entry"),
                        texts.get("transfer.col.reason")));
        for (Skipped s : skipped) {
            Grids.row(
                    grid,
                    EntrySource.label(s.source(), texts.locale()),
                    s.entry().isEmpty() ? "-" : s.entry(),
                    s.message(texts.locale()));
        }
        box.getChildren().add(grid);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        label.setWrapText(true);
        return label;
    }

    private static String refs(List<CredentialRef> refs) {
        return refs.stream().map(CredentialRef::toString).collect(Collectors.joining(", "));
    }

    /** Adds everything in one transaction, with the passwords typed for a Thunderbird profile. */
    private void confirm() {
        if (busy || plan == null) {
            return;
        }
        for (Asked a : asked) {
            try (Secret value = PasswordFields.peek(a.value());
                    Secret repeat = PasswordFields.peek(a.repeat())) {
                if (!value.sameValueAs(repeat)) {
                    PasswordFields.wipe(a.repeat());
                    view.problem.setText(texts.get("import.mismatch", what(a.address(), a.ref())));
                    a.repeat().requestFocus();
                    return;
                }
            }
        }
        // peeked, not taken: when the import fails, what was typed need not be typed again
        Map<String, Secret> given = new HashMap<>();
        for (Asked a : asked) {
            if (a.value().getLength() > 0) {
                given.put(key(a.address(), a.ref()), PasswordFields.peek(a.value()));
            }
        }
        ImportPlan applying = plan;
        view.problem.setText("");
        setBusy(true, texts.get("import.adding"));
        context.background()
                .run(
                        () -> {
                            try {
                                return applying.apply(
                                        context.session(),
                                        (account, ref) ->
                                                Optional.ofNullable(given.remove(key(account.address(), ref))));
                            } finally {
                                given.values().forEach(Secret::close);
                            }
                        },
                        this::imported,
                        this::importFailed);
    }

    private static String key(Address address, CredentialRef ref) {
        return address.value() + "\n" + ref;
    }

    private void imported(ImportReport report) {
        setBusy(false, "");
        dropPlan();
        PasswordFields.wipeAll(asked.stream()
                .flatMap(a -> java.util.stream.Stream.of(a.value(), a.repeat()))
                .toArray(PasswordField[]::new));
        onImported.run();
        if (closed) {
            return;
        }
        String name = file.toString();
        view.result.setText(
                report.added().isEmpty()
                        ? texts.get("import.addedNone", name)
                        : texts.get("import.added", report.added().size(), name));
        view.report.getChildren().clear();
        if (!report.added().isEmpty()) {
            GridPane grid = Grids.table(
                    "importAdded",
                    List.of(
                            texts.get("transfer.col.address"),
                            texts.get("transfer.col.where"),
                            texts.get("transfer.col.passwords")));
            for (Imported a : report.added()) {
                Grids.row(
                        grid,
                        a.address().value(),
                        EntrySource.label(a.source(), texts.locale()),
                        refs(a.credentials()));
            }
            view.report.getChildren().add(grid);
        }
        showSkipped(view.report, "importReportSkipped", report.skipped(), "import.skipped");
        view.form.setVisible(false);
        view.finished.setVisible(true);
        view.close.requestFocus();
    }

    private void importFailed(Throwable error) {
        setBusy(false, "");
        // a plan is applied once: the file is read again before another try
        dropPlan();
        view.problem.setText(texts.get("import.failed", ErrorTexts.describe(error, texts)));
        updateButtons();
    }

    private void setBusy(boolean working, String what) {
        busy = working;
        view.progress.setVisible(working);
        view.status.setText(what);
        updateButtons();
    }

    private void updateButtons() {
        view.formatButtons.values().forEach(b -> b.setDisable(busy));
        view.choose.setDisable(busy);
        view.read.setDisable(busy || file == null);
        view.read.setDefaultButton(plan == null);
        view.confirm.setDisable(busy || plan == null || !anythingToAdd);
        view.cancel.setDisable(busy);
        asked.forEach(a -> {
            a.value().setDisable(busy);
            a.repeat().setDisable(busy);
        });
    }

    /** Forgets the file's contents: wipes its passwords and the fields typed for it. */
    private void dropPlan() {
        if (plan != null) {
            plan.close();
            plan = null;
        }
        for (Asked a : asked) {
            PasswordFields.wipeAll(a.value(), a.repeat());
        }
        asked.clear();
        anythingToAdd = false;
        view.summary.getChildren().clear();
        view.summaryScroll.setVisible(false);
        view.confirm.setText(texts.get("import.confirmNone"));
    }

    private void closed() {
        closed = true;
        for (Asked a : asked) {
            PasswordFields.wipeAll(a.value(), a.repeat());
        }
        // a running task still uses the plan; its handler closes it
        if (!busy && plan != null) {
            plan.close();
            plan = null;
        }
    }
}
