package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.ExportFormat;
import dev.mailvault.core.transfer.ExportResult;
import dev.mailvault.core.transfer.Exporter;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;

/**
 * Exports the vault with the CLI's rules ({@code vault export}): an encrypted backup that opens with
 * the same master password, or every password in plain text as KeePassXC CSV, which needs an
 * explicit confirmation and the master password again (proved by a real unlock, so a wrong one
 * writes nothing). An existing file is never overwritten; the core writes the file with mode 0600.
 */
public final class ExportController {
    private final AppContext context;
    private final Texts texts;
    private final ExportView view;
    private Path file;
    private boolean busy;

    public ExportController(AppContext context) {
        this.context = context;
        this.texts = context.texts();
        this.view = new ExportView(texts);
        view.formats.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                formatChanged();
            }
        });
        view.formatButtons.get(ExportFormat.BACKUP).setSelected(true);
        view.understood.selectedProperty().addListener((obs, was, now) -> updateButtons());
        view.master.lengthProperty().addListener((obs, was, now) -> updateButtons());
        view.choose.setOnAction(e -> choose());
        view.cancel.setOnAction(e -> context.modal().hide());
        view.export.setOnAction(e -> export());
        view.close.setOnAction(e -> context.modal().hide());
        PasswordFields.wipeWhenHidden(view.root, view.master);
        updateButtons();
    }

    public void show() {
        context.modal().show(view.root, () -> PasswordFields.wipe(view.master));
        Platform.runLater(view.choose::requestFocus);
    }

    private ExportFormat format() {
        return (ExportFormat) view.formats.getSelectedToggle().getUserData();
    }

    private void formatChanged() {
        ExportFormat format = format();
        view.hint.setText(texts.get("export.hint." + format.id()));
        view.plaintextBox.setVisible(format.isPlaintext());
        view.understood.setSelected(false);
        PasswordFields.wipe(view.master);
        view.export.getStyleClass().removeAll(Styles.DANGER, Styles.ACCENT);
        view.export.getStyleClass().add(format.isPlaintext() ? Styles.DANGER : Styles.ACCENT);
        // a .db name does not suit a CSV file: the file is chosen again for the other format
        file = null;
        view.file.setText(texts.get("transfer.noFile"));
        view.problem.setText("");
        updateButtons();
    }

    private void choose() {
        ExportFormat format = format();
        Optional<Path> chosen = format.isPlaintext()
                ? context.files()
                        .saveFile(
                                texts.get("export.chooseTitle"),
                                "mailvault-export.csv",
                                texts.get("import.filter.csv"),
                                List.of("*.csv"))
                : context.files()
                        .saveFile(
                                texts.get("export.chooseTitle"),
                                "mailvault-backup.db",
                                texts.get("export.filter.backup"),
                                List.of("*.db"));
        chosen.ifPresent(path -> {
            Path target = path.toAbsolutePath();
            file = null;
            view.file.setText(texts.get("transfer.noFile"));
            Optional<String> refusal = refusal(target);
            view.problem.setText(refusal.orElse(""));
            if (refusal.isEmpty()) {
                file = target;
                view.file.setText(target.toString());
            }
            updateButtons();
        });
    }

    /** Why nothing can be written there: a file that exists, or a folder that does not. */
    private Optional<String> refusal(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(texts.get("export.exists", target));
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return Optional.of(texts.get("export.noFolder", target.getParent()));
        }
        return Optional.empty();
    }

    private void export() {
        if (busy || file == null) {
            return;
        }
        ExportFormat format = format();
        Path target = file;
        // the file may have appeared since it was chosen
        Optional<String> refusal = refusal(target);
        if (refusal.isPresent()) {
            view.problem.setText(refusal.get());
            return;
        }
        if (format.isPlaintext() && !view.understood.isSelected()) {
            view.problem.setText(texts.get("export.needConfirmation"));
            return;
        }
        if (format.isPlaintext() && view.master.getLength() == 0) {
            view.problem.setText(texts.get("export.needMaster"));
            view.master.requestFocus();
            return;
        }
        Secret again = format.isPlaintext() ? PasswordFields.take(view.master) : null;
        VaultSession session = context.session();
        view.problem.setText("");
        setBusy(true, texts.get(format.isPlaintext() ? "export.checking" : "export.writing"));
        context.background()
                .run(
                        () -> {
                            if (again != null) {
                                try (again) {
                                    // a second, short-lived unlock proves the master password
                                    context.service()
                                            .open(session.file(), again)
                                            .close();
                                }
                            }
                            return Exporter.export(session, format, target);
                        },
                        this::exported,
                        this::failed);
    }

    private void exported(ExportResult result) {
        setBusy(false, "");
        if (result.format().isPlaintext()) {
            view.result.setText(
                    texts.get("export.wrotePlaintext", result.credentials(), result.accounts(), result.file()));
            view.reminder.setText(texts.get("export.deleteReminder", result.file()));
            view.reminder.setVisible(true);
        } else {
            view.result.setText(texts.get("export.wroteBackup", result.accounts(), result.file()));
            view.reminder.setVisible(false);
        }
        view.form.setVisible(false);
        view.finished.setVisible(true);
        view.close.requestFocus();
    }

    private void failed(Throwable error) {
        setBusy(false, "");
        if (error instanceof WrongMasterPasswordException) {
            view.problem.setText(texts.get("export.wrongMaster"));
            view.master.requestFocus();
        } else {
            view.problem.setText(texts.get("export.failed", ErrorTexts.describe(error, texts)));
        }
    }

    private void setBusy(boolean working, String what) {
        busy = working;
        view.progress.setVisible(working);
        view.status.setText(what);
        updateButtons();
    }

    private void updateButtons() {
        boolean plaintext = view.formats.getSelectedToggle() != null && format().isPlaintext();
        view.formatButtons.values().forEach(b -> b.setDisable(busy));
        view.choose.setDisable(busy);
        view.understood.setDisable(busy);
        view.master.setDisable(busy);
        view.cancel.setDisable(busy);
        boolean ready = file != null && (!plaintext || (view.understood.isSelected() && view.master.getLength() > 0));
        view.export.setDisable(busy || !ready);
        view.export.setDefaultButton(ready);
    }
}
