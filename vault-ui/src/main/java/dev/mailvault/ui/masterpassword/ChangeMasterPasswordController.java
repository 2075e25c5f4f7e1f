package dev.mailvault.ui.masterpassword;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Texts;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Changes the master password ({@code vault passwd}) from a dialog. The current password is asked
 * again and proved by a real unlock of the vault file, although the vault is open: whoever finds
 * the window unlocked must not be able to lock its owner out. The rules are the CLI's: the new
 * password is not empty and typed the same twice, and the Argon2id parameters stay as they are.
 */
public final class ChangeMasterPasswordController {
    private final AppContext context;
    private final Texts texts;
    private final ChangeMasterPasswordView view;
    private Task<KdfParameters> changing;

    public ChangeMasterPasswordController(AppContext context) {
        this.context = context;
        this.texts = context.texts();
        this.view = new ChangeMasterPasswordView(texts, context.background());
        view.cancel.setOnAction(e -> context.modal().hide());
        view.change.setOnAction(e -> change());
        view.close.setOnAction(e -> context.modal().hide());
        PasswordFields.wipeWhenHidden(view.root, view.current, view.replacement, view.repeat);
    }

    public void show() {
        context.modal().show(view.root, this::wipe);
        Platform.runLater(view.current::requestFocus);
    }

    private void change() {
        if (changing != null) {
            return;
        }
        if (view.current.getLength() == 0) {
            refuse("passwd.needCurrent");
            view.current.requestFocus();
            return;
        }
        if (view.replacement.getLength() == 0) {
            refuse("passwd.needNew");
            view.replacement.requestFocus();
            return;
        }
        try (Secret a = PasswordFields.peek(view.replacement);
                Secret b = PasswordFields.peek(view.repeat)) {
            if (!a.sameValueAs(b)) {
                PasswordFields.wipe(view.repeat);
                refuse("passwd.mismatch");
                view.repeat.requestFocus();
                return;
            }
        }
        VaultSession session = context.session();
        // peeked, not taken: after a wrong current password the new one need not be typed again
        Secret current = PasswordFields.peek(view.current);
        Secret replacement = PasswordFields.peek(view.replacement);
        view.problem.setText("");
        setBusy(true);
        changing = context.background()
                .submit(
                        new Task<>() {
                            @Override
                            protected KdfParameters call() {
                                try (current;
                                        replacement) {
                                    updateMessage(texts.get("passwd.checking"));
                                    // a second, short-lived unlock proves the current password
                                    context.service()
                                            .open(session.file(), current)
                                            .close();
                                    updateMessage(texts.get("passwd.sealing"));
                                    KdfParameters parameters = session.kdfParameters();
                                    session.changeMasterPassword(replacement, parameters);
                                    return parameters;
                                }
                            }
                        },
                        this::changed,
                        this::failed);
        view.status.textProperty().bind(changing.messageProperty());
    }

    private void changed(KdfParameters parameters) {
        changing = null;
        setBusy(false);
        wipe();
        view.done.setText(texts.get("passwd.done"));
        view.kdf.setText(
                texts.get("passwd.kdf", parameters.memoryMib(), parameters.iterations(), parameters.parallelism()));
        view.form.setVisible(false);
        view.finished.setVisible(true);
        view.close.requestFocus();
    }

    private void failed(Throwable error) {
        changing = null;
        setBusy(false);
        if (error instanceof WrongMasterPasswordException) {
            PasswordFields.wipe(view.current);
            refuse("passwd.wrongCurrent");
            view.current.requestFocus();
        } else {
            view.problem.setText(texts.get("passwd.failed", ErrorTexts.describe(error, texts)));
        }
    }

    private void refuse(String key) {
        view.problem.setText(texts.get(key));
    }

    private void setBusy(boolean busy) {
        view.current.setDisable(busy);
        view.replacement.setDisable(busy);
        view.repeat.setDisable(busy);
        view.change.setDisable(busy);
        // the change cannot be called back once the key derivation runs
        view.cancel.setDisable(busy);
        view.progress.setVisible(busy);
        if (!busy) {
            view.status.textProperty().unbind();
            view.status.setText("");
        }
    }

    private void wipe() {
        PasswordFields.wipeAll(view.current, view.replacement, view.repeat);
    }
}
