package dev.mailvault.ui.unlock;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Screen;
import dev.mailvault.ui.common.Texts;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.Parent;

/**
 * Creates the vault: checks the two entries match, shows zxcvbn's verdict as the user types, then
 * calibrates the KDF, creates and opens the vault in the background.
 */
public final class CreateVaultController implements Screen {
    private final AppContext context;
    private final Texts texts;
    private final Path file;
    private final Supplier<KdfParameters> calibration;
    private final Consumer<VaultSession> onOpened;
    private final CreateVaultView view;
    private Task<VaultSession> creating;

    public CreateVaultController(
            AppContext context, Path file, Supplier<KdfParameters> calibration, Consumer<VaultSession> onOpened) {
        this.context = context;
        this.texts = context.texts();
        this.file = file;
        this.calibration = calibration;
        this.onOpened = onOpened;
        this.view = new CreateVaultView(texts, context.background(), file);
        view.confirm.textProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                view.problem.setText("");
            }
        });
        view.create.setOnAction(e -> create());
        PasswordFields.wipeWhenHidden(view.root, view.master, view.confirm);
    }

    @Override
    public Parent view() {
        return view.root;
    }

    private void create() {
        if (creating != null) {
            return;
        }
        if (view.master.getLength() == 0) {
            view.problem.setText(texts.get("create.empty"));
            return;
        }
        try (Secret a = PasswordFields.peek(view.master);
                Secret b = PasswordFields.peek(view.confirm)) {
            if (!a.sameValueAs(b)) {
                PasswordFields.wipe(view.confirm);
                view.problem.setText(texts.get("create.mismatch"));
                view.confirm.requestFocus();
                return;
            }
        }
        Secret master = PasswordFields.take(view.master);
        PasswordFields.wipe(view.confirm);
        setBusy(true);
        creating = context.background()
                .submit(
                        new Task<>() {
                            @Override
                            protected VaultSession call() {
                                try (master) {
                                    updateMessage(texts.get("create.calibrating"));
                                    KdfParameters parameters = calibration.get();
                                    updateMessage(texts.get("create.creating", parameters.toString()));
                                    context.service().create(file, master, parameters);
                                    updateMessage(texts.get("create.opening"));
                                    return context.service().open(file, master);
                                }
                            }
                        },
                        session -> {
                            creating = null;
                            onOpened.accept(session);
                        },
                        error -> {
                            creating = null;
                            setBusy(false);
                            view.problem.setText(ErrorTexts.describe(error, texts));
                        });
        view.status.textProperty().bind(creating.messageProperty());
    }

    private void setBusy(boolean busy) {
        view.master.setDisable(busy);
        view.confirm.setDisable(busy);
        view.create.setDisable(busy);
        view.progress.setVisible(busy);
        if (!busy) {
            view.status.textProperty().unbind();
            view.status.setText("");
        }
    }

    @Override
    public void dispose() {
        PasswordFields.wipeAll(view.master, view.confirm);
    }
}
