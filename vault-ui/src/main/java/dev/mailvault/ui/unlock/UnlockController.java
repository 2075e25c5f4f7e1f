package dev.mailvault.ui.unlock;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Screen;
import dev.mailvault.ui.common.Texts;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Parent;

/**
 * Unlocks the vault. The password leaves the field before Argon2 starts (in the background), so a
 * wrong one is already gone when the fixed message appears.
 */
public final class UnlockController implements Screen {
    private final AppContext context;
    private final Texts texts;
    private final Path file;
    private final Consumer<VaultSession> onOpened;
    private final UnlockView view;
    private Task<VaultSession> opening;

    public UnlockController(AppContext context, Path file, String notice, Consumer<VaultSession> onOpened) {
        this.context = context;
        this.texts = context.texts();
        this.file = file;
        this.onOpened = onOpened;
        this.view = new UnlockView(texts, file);
        view.notice.setText(notice == null ? "" : notice);
        view.unlock.setOnAction(e -> unlock());
        view.master.textProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                view.error.setText("");
            }
        });
        PasswordFields.wipeWhenHidden(view.root, view.master);
        Platform.runLater(view.master::requestFocus);
    }

    @Override
    public Parent view() {
        return view.root;
    }

    private void unlock() {
        if (opening != null || view.master.getLength() == 0) {
            return;
        }
        Secret master = PasswordFields.take(view.master);
        setBusy(true);
        opening = context.background()
                .run(
                        () -> {
                            try (master) {
                                return context.service().open(file, master);
                            }
                        },
                        session -> {
                            opening = null;
                            onOpened.accept(session);
                        },
                        error -> {
                            opening = null;
                            setBusy(false);
                            view.error.setText(
                                    error instanceof WrongMasterPasswordException
                                            ? texts.get("unlock.wrongPassword")
                                            : ErrorTexts.describe(error, texts));
                            PasswordFields.wipe(view.master);
                            view.master.requestFocus();
                        });
    }

    private void setBusy(boolean busy) {
        view.master.setDisable(busy);
        view.unlock.setDisable(busy);
        view.progress.setVisible(busy);
        view.status.setText(busy ? texts.get("unlock.deriving") : "");
    }

    @Override
    public void dispose() {
        PasswordFields.wipe(view.master);
    }
}
