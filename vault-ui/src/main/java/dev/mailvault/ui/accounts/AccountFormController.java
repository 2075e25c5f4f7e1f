package dev.mailvault.ui.accounts;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.verify.TrustAnchors;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Texts;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Adds an account, or edits one. The form only collects text: the core parses addresses,
 * endpoints and policies and says what is wrong. Passwords leave their fields when saving starts.
 */
public final class AccountFormController {
    private final AppContext context;
    private final Texts texts;
    private final Optional<AccountInfo> editing;
    private final Consumer<Address> onSaved;
    private final AccountFormView view;
    private final ProviderAutofill autofill;
    private boolean saving;

    public AccountFormController(AppContext context, Optional<AccountInfo> editing, Consumer<Address> onSaved) {
        this.context = context;
        this.texts = context.texts();
        this.editing = editing;
        this.onSaved = onSaved;
        this.view = new AccountFormView(texts);
        this.autofill = new ProviderAutofill(context.catalog(), texts, view);
        view.title.setText(texts.get(editing.isPresent() ? "form.editTitle" : "form.addTitle"));
        view.smtpPassword.disableProperty().bind(view.smtpSame.selectedProperty());
        view.smtpPasswordLabel.disableProperty().bind(view.smtpSame.selectedProperty());
        view.save.setOnAction(e -> save());
        view.cancel.setOnAction(e -> context.modal().hide());
        editing.ifPresentOrElse(this::fill, () -> {
            autofill.choose(context.catalog().generic());
            view.address.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    autofill.fromAddress(view.address.getText());
                }
            });
        });
    }

    public void show() {
        context.modal().show(view.root, () -> PasswordFields.wipeAll(view.imapPassword, view.smtpPassword));
        Platform.runLater(view.address::requestFocus);
    }

    private void fill(AccountInfo info) {
        AccountSpec spec = info.spec();
        view.address.setText(spec.address().value());
        view.displayName.setText(spec.displayName());
        autofill.show(spec.providerId(), spec.address());
        view.imap.setText(spec.imap().toString());
        view.smtp.setText(spec.smtp().toString());
        view.login.setText(spec.imapLogin().equals(spec.address().value()) ? "" : spec.imapLogin());
        view.smtpLogin.setText(spec.smtpLogin().equals(spec.imapLogin()) ? "" : spec.smtpLogin());
        view.smtpSame.setSelected(spec.smtpSameAsImap());
        view.policy.setValue(spec.policy().spec());
        view.caCert.setText(spec.caCertPem());
        // passwords change through rotation; only a newly separate SMTP password is asked for here
        view.imapPassword.setVisible(false);
        view.imapPassword.setManaged(false);
        view.imapPasswordLabel.setVisible(false);
        view.imapPasswordLabel.setManaged(false);
        view.smtpPassword.disableProperty().unbind();
        view.smtpPassword
                .disableProperty()
                .bind(view.smtpSame
                        .selectedProperty()
                        .or(javafx.beans.binding.Bindings.createBooleanBinding(
                                () -> !spec.smtpSameAsImap(), view.smtpSame.selectedProperty())));
    }

    /**
     * What the fields say, as an account; a field that does not parse stops it with a
     * {@link FieldProblem} in the app's language (the core's own messages are English).
     */
    private AccountSpec spec() {
        Address address = field(() -> Address.of(view.address.getText()), "form.badAddress", view.address.getText());
        Endpoint imap = field(() -> Endpoint.parse(view.imap.getText()), "form.badImap", view.imap.getText());
        Endpoint smtp = field(() -> Endpoint.parse(view.smtp.getText()), "form.badSmtp", view.smtp.getText());
        String policyText =
                view.policy.getConverter().fromString(view.policy.getEditor().getText());
        RotationPolicy policy = field(() -> RotationPolicy.parse(policyText), "form.badPolicy", policyText);
        String caPem =
                view.caCert.getText().isBlank() ? null : view.caCert.getText().strip() + "\n";
        if (caPem != null) {
            // the check a login check would make later, now, while the field is in view
            field(() -> TrustAnchors.withCa(caPem), "form.badCa", "");
        }
        String login = view.login.getText();
        String smtpLogin = view.smtpLogin.getText().isBlank() ? login : view.smtpLogin.getText();
        return new AccountSpec(
                address,
                view.displayName.getText(),
                view.provider.getValue() == null
                        ? null
                        : view.provider.getValue().id(),
                imap,
                smtp,
                login,
                smtpLogin,
                view.smtpSame.isSelected(),
                caPem,
                editing.map(i -> i.spec().notes()).orElse(""),
                policy);
    }

    private <T> T field(Supplier<T> parse, String problemKey, String text) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw new FieldProblem(texts.get(problemKey, text.strip()));
        }
    }

    /** A field that does not parse, worded for the user. */
    private static final class FieldProblem extends RuntimeException {
        FieldProblem(String text) {
            super(text, null, false, false);
        }
    }

    private void save() {
        if (saving) {
            return;
        }
        AccountSpec spec;
        try {
            spec = spec();
        } catch (FieldProblem e) {
            view.problem.setText(e.getMessage());
            return;
        } catch (RuntimeException e) {
            view.problem.setText(ErrorTexts.describe(e, texts));
            return;
        }
        boolean needsImap = editing.isEmpty();
        boolean needsSmtp = !spec.smtpSameAsImap()
                && editing.map(i -> i.spec().smtpSameAsImap()).orElse(true);
        if (needsImap && view.imapPassword.getLength() == 0) {
            view.problem.setText(texts.get("form.needImapPassword"));
            return;
        }
        if (needsSmtp && view.smtpPassword.getLength() == 0) {
            view.problem.setText(texts.get("form.needSmtpPassword"));
            return;
        }
        Secret imapSecret = needsImap ? PasswordFields.take(view.imapPassword) : null;
        Secret smtpSecret = needsSmtp ? PasswordFields.take(view.smtpPassword) : null;
        saving = true;
        view.save.setDisable(true);
        context.background()
                .run(
                        () -> {
                            try (imapSecret;
                                    smtpSecret) {
                                refuseTaken(spec.address());
                                if (editing.isPresent()) {
                                    return context.session()
                                            .updateAccount(editing.get().address(), spec, smtpSecret)
                                            .address();
                                }
                                return context.session()
                                        .addAccount(spec, imapSecret, smtpSecret)
                                        .address();
                            }
                        },
                        address -> {
                            context.modal().hide();
                            onSaved.accept(address);
                        },
                        error -> {
                            saving = false;
                            view.save.setDisable(false);
                            view.problem.setText(
                                    error instanceof FieldProblem
                                            ? error.getMessage()
                                            : ErrorTexts.describe(error, texts));
                        });
    }

    /**
     * An address another account already has: the core refuses it too, in English. The account
     * being edited may change the case of its own address, which finds itself.
     */
    private void refuseTaken(Address address) {
        boolean taken = context.session()
                .findAccount(address)
                .filter(found ->
                        editing.map(i -> !i.address().equals(found.address())).orElse(true))
                .isPresent();
        if (taken) {
            throw new FieldProblem(texts.get("form.addressTaken", address.value()));
        }
    }
}
