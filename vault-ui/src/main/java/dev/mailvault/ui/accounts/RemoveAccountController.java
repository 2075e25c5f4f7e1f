package dev.mailvault.ui.accounts;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.ProviderNames;
import dev.mailvault.ui.common.Texts;
import javafx.application.Platform;

/**
 * Removes an account from the vault ({@code vault remove}) once the user confirms it in a dialog.
 * Only the vault changes: the mail account at the provider is not contacted.
 */
public final class RemoveAccountController {
    private final AppContext context;
    private final Texts texts;
    private final Address address;
    private final Runnable onRemoved;
    private final RemoveAccountView view;
    private boolean removing;

    public RemoveAccountController(AppContext context, AccountInfo account, Runnable onRemoved) {
        this.context = context;
        this.texts = context.texts();
        this.address = account.address();
        this.onRemoved = onRemoved;
        this.view = new RemoveAccountView(texts);
        String provider = ProviderNames.of(context.catalog(), account.spec().providerId(), address, texts.locale());
        view.address.setText(address.value());
        view.deleted.setText(texts.get("remove.deleted", account.credentials().size()));
        view.untouched.setText(texts.get("remove.untouched", provider));
        view.cancel.setOnAction(e -> context.modal().hide());
        view.remove.setOnAction(e -> remove());
    }

    public void show() {
        context.modal().show(view.root);
        Platform.runLater(view.cancel::requestFocus);
    }

    private void remove() {
        if (removing) {
            return;
        }
        removing = true;
        view.remove.setDisable(true);
        context.background()
                .run(
                        () -> {
                            context.session().removeAccount(address);
                            return null;
                        },
                        ignored -> {
                            context.modal().hide();
                            onRemoved.run();
                        },
                        error -> {
                            removing = false;
                            view.remove.setDisable(false);
                            view.problem.setText(ErrorTexts.describe(error, texts));
                        });
    }
}
