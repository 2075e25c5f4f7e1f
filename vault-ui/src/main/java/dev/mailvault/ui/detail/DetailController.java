package dev.mailvault.ui.detail;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.Finding;
import dev.mailvault.core.remind.PasswordAge;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.ui.accounts.CheckLabels;
import dev.mailvault.ui.accounts.RemoveAccountController;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.Formats;
import dev.mailvault.ui.common.ProviderNames;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.devices.DeviceFormController;
import dev.mailvault.ui.rotation.RotationWizardController;
import dev.mailvault.ui.verify.ResultRows;
import dev.mailvault.ui.verify.VerifySummary;
import dev.mailvault.ui.verify.VerifyTask;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * Shows one account and delegates every action to the core: reveal and copy a credential, mark a
 * device done, and the dialogs for editing and devices.
 */
public final class DetailController {
    private static final String MASK = "••••••••••";

    private final AppContext context;
    private final Texts texts;
    private final Formats formats;
    private final Runnable onChanged;
    private final Consumer<AccountInfo> onEdit;
    private final DetailView view;
    private Optional<AccountInfo> shown = Optional.empty();
    private long loadRequest;
    private VerifyTask verifying;

    public DetailController(AppContext context, Runnable onChanged, Consumer<AccountInfo> onEdit) {
        this.context = context;
        this.texts = context.texts();
        this.formats = new Formats(texts, context.clock());
        this.onChanged = onChanged;
        this.onEdit = onEdit;
        this.view = new DetailView(texts);
        view.edit.setOnAction(e -> shown.ifPresent(onEdit));
        view.remove.setOnAction(e -> shown.ifPresent(this::confirmRemove));
        view.verify.setOnAction(e -> verifyNow());
        view.cancelVerify.setOnAction(e -> cancelVerify());
        view.addDevice.setOnAction(e ->
                address().ifPresent(a -> new DeviceFormController(context, Optional.of(a), this::changed).show()));
    }

    public Parent view() {
        return view.root;
    }

    /** Shows an account (reloaded from the vault), or the placeholder for null. */
    public void show(AccountInfo account) {
        long request = ++loadRequest;
        boolean other = account == null
                || shown.map(a -> !a.address().equals(account.address())).orElse(true);
        shown = Optional.ofNullable(account);
        if (other) {
            view.verifyResults.getChildren().clear();
            view.verifyStatus.setText("");
        }
        if (account == null) {
            view.showContent(false);
            return;
        }
        context.background()
                .run(
                        () -> DetailData.load(context.session(), context.catalog(), account),
                        data -> {
                            if (request == loadRequest) {
                                render(data);
                            }
                        },
                        context::showError);
    }

    public Optional<Address> address() {
        return shown.map(AccountInfo::address);
    }

    /**
     * Logs in to the shown account's servers in the background; results appear as they arrive and
     * the window stays usable. One run at a time.
     */
    public void verifyNow() {
        if (verifying != null || shown.isEmpty()) {
            return;
        }
        Address address = shown.get().address();
        view.verifyResults.getChildren().clear();
        view.verifyStatus.setText(texts.get("verify.running"));
        VerifyTask task = new VerifyTask(context.session(), context.catalog(), context.clock(), address, check -> {
            if (address().map(address::equals).orElse(false)) {
                view.verifyResults.getChildren().add(ResultRows.of(check, texts));
            }
        });
        verifying = task;
        setVerifying(true);
        view.verifyProgress.progressProperty().bind(task.progressProperty());
        context.background()
                .submit(
                        task,
                        report -> {
                            finishVerify(task);
                            if (address().map(address::equals).orElse(false)) {
                                view.verifyStatus.setText(VerifySummary.of(report, texts));
                            }
                            changed();
                        },
                        error -> {
                            finishVerify(task);
                            view.verifyStatus.setText("");
                            context.showError(error);
                        });
    }

    private void confirmRemove(AccountInfo account) {
        new RemoveAccountController(context, account, () -> {
                    // the pane lets go of the account before the screen reloads without it
                    if (verifying != null) {
                        VerifyTask task = verifying;
                        task.cancel();
                        finishVerify(task);
                    }
                    show(null);
                    changed();
                })
                .show();
    }

    /** A result of a run over every account: shown with the others when it is this account's. */
    public void resultArrived(CredentialCheck check) {
        if (address().map(check.account()::equals).orElse(false)) {
            view.verifyResults.getChildren().add(ResultRows.of(check, texts));
        }
    }

    private void cancelVerify() {
        VerifyTask task = verifying;
        if (task != null) {
            task.cancel();
            finishVerify(task);
            view.verifyStatus.setText(texts.get("verify.cancelled"));
        }
    }

    private void finishVerify(VerifyTask task) {
        if (verifying == task) {
            verifying = null;
            setVerifying(false);
        }
    }

    private void setVerifying(boolean running) {
        view.verify.setDisable(running);
        view.cancelVerify.setVisible(running);
        view.verifyProgress.setVisible(running);
        if (!running) {
            view.verifyProgress.progressProperty().unbind();
        }
    }

    /** Copies the selected account's login password (IMAP) to the clipboard. */
    public void copyPassword() {
        address().ifPresent(a -> copy(a, CredentialRef.IMAP));
    }

    private void render(DetailData data) {
        AccountInfo account = data.account();
        shown = Optional.of(account);
        AccountSpec spec = account.spec();
        view.title.setText(account.address().value());
        String provider = ProviderNames.of(context.catalog(), spec.providerId(), account.address(), texts.locale());
        view.subtitle.setText(spec.displayName().isEmpty() ? provider : spec.displayName() + " · " + provider);
        view.servers.setText(
                texts.get("detail.servers", spec.imap().toString(), spec.smtp().toString(), spec.imapLogin()));
        view.credentials.getChildren().clear();
        for (CredentialInfo credential : account.credentials()) {
            view.credentials.getChildren().add(credentialRow(account, credential));
        }
        renderChecks(data.checks());
        renderDevices(account.spec(), data.devices());
        renderHistory(data);
        renderDiagnosis(data.diagnosis());
        view.showContent(true);
    }

    private VBox credentialRow(AccountInfo account, CredentialInfo credential) {
        Label name = new Label(credentialName(credential.ref(), account.spec()));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label value = new Label(MASK);
        value.getStyleClass().add("secret-value");
        value.setId("value-" + credential.ref().toString().replace(':', '-'));
        value.setMinWidth(120);
        Button reveal = new Button(texts.get("detail.reveal"));
        reveal.setId("reveal-" + credential.ref().toString().replace(':', '-'));
        reveal.getStyleClass().add(Styles.SMALL);
        reveal.setOnAction(e -> {
            if (value.getText().equals(MASK)) {
                reveal.setText(texts.get("detail.hide"));
                reveal(account.address(), credential.ref(), value);
            } else {
                reveal.setText(texts.get("detail.reveal"));
                value.setText(MASK);
            }
        });
        Button copy = new Button(texts.get("detail.copy"));
        copy.setId("copy-" + credential.ref().toString().replace(':', '-'));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> copy(account.address(), credential.ref()));
        Button change = new Button(texts.get("rotation.change"));
        change.setId("rotate-" + credential.ref().toString().replace(':', '-'));
        change.getStyleClass().add(Styles.SMALL);
        change.setOnAction(e -> new RotationWizardController(
                        context,
                        account,
                        credential.ref(),
                        credentialName(credential.ref(), account.spec()),
                        this::changed)
                .show());
        for (Button button : List.of(reveal, copy, change)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(8, value, reveal, copy, change);
        actions.setAlignment(Pos.CENTER_LEFT);

        PasswordAge ages = new PasswordAge(context.clock());
        PasswordAge.Band band = ages.band(credential.changedAt(), credential.policy());
        Circle dot = new Circle(5);
        dot.getStyleClass().add("band-dot");
        String old = formats.age(ages.age(credential.changedAt()));
        String changed = formats.date(credential.changedAt());
        Label age = new Label(
                credential
                        .policy()
                        .dueDate(credential
                                .changedAt()
                                .atZone(context.clock().getZone())
                                .toLocalDate())
                        .map(due -> texts.get(
                                "detail.changed", old, changed, formats.date(due), formats.policy(credential.policy())))
                        .orElseGet(() -> texts.get("detail.changedNever", old, changed)),
                dot);
        age.setId("age-" + credential.ref().toString().replace(':', '-'));
        age.setWrapText(true);
        age.getStyleClass().addAll("band-" + band.name().toLowerCase(Locale.ROOT), Styles.TEXT_SMALL);
        VBox row = new VBox(4, name, actions, age);
        credential.pendingSince().ifPresent(since -> {
            Label pending = new Label(texts.get("detail.pending", formats.dateTime(since)));
            pending.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
            row.getChildren().add(pending);
        });
        if (credential.suspect()) {
            Label suspect = new Label(texts.get("detail.suspect"));
            suspect.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
            suspect.setWrapText(true);
            row.getChildren().add(suspect);
        }
        row.getStyleClass().add("credential-row");
        return row;
    }

    String credentialName(CredentialRef ref, AccountSpec spec) {
        return switch (ref.kind()) {
            case IMAP -> texts.get(spec.smtpSameAsImap() ? "credential.imapSmtp" : "credential.imap");
            case SMTP -> texts.get("credential.smtp");
            case APP -> texts.get("credential.app", ref.label());
            case PORTAL -> texts.get("credential.portal");
        };
    }

    private void reveal(Address address, CredentialRef ref, Label value) {
        context.background()
                .run(
                        () -> context.session().secret(address, ref),
                        secret -> {
                            try (secret) {
                                if (value.getScene() != null) {
                                    // a Label only shows Strings: this one lives until the value is hidden again
                                    value.setText(secret.revealForLegacyApi());
                                }
                            }
                        },
                        context::showError);
    }

    private void copy(Address address, CredentialRef ref) {
        context.background()
                .run(
                        () -> context.session().secret(address, ref),
                        secret -> {
                            try (Secret s = secret) {
                                context.clipboard().copy(s);
                            }
                        },
                        context::showError);
    }

    private void renderChecks(List<CheckResult> checks) {
        view.recentChecks.getChildren().clear();
        if (checks.isEmpty()) {
            Label none = new Label(texts.get("check.never"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            view.recentChecks.getChildren().add(none);
            return;
        }
        Label caption = new Label(texts.get("detail.earlierChecks"));
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        view.recentChecks.getChildren().add(caption);
        for (CheckResult check : checks.subList(0, Math.min(6, checks.size()))) {
            Label protocol = new Label(check.protocol().id().toUpperCase(Locale.ROOT) + " · "
                    + texts.get("slot." + check.credential().id()));
            protocol.setMinWidth(130);
            HBox line = new HBox(8, protocol, CheckLabels.of(check, texts, formats));
            line.getStyleClass().add("check-line");
            view.recentChecks.getChildren().add(line);
        }
    }

    private void renderDevices(AccountSpec account, List<DeviceInfo> devices) {
        view.devices.getChildren().clear();
        if (devices.isEmpty()) {
            Label none = new Label(texts.get("detail.noDevices"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            none.setWrapText(true);
            view.devices.getChildren().add(none);
            return;
        }
        for (DeviceInfo device : devices) {
            view.devices.getChildren().add(deviceRow(account, device));
        }
    }

    private VBox deviceRow(AccountSpec account, DeviceInfo device) {
        Address address = account.address();
        boolean stale = device.uses().stream().anyMatch(u -> u.account().equals(address) && u.needsReentry());
        Label name = new Label(device.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label type = new Label(ReentrySteps.typeName(device.type(), texts.locale()));
        type.getStyleClass().add(Styles.TEXT_MUTED);
        Label state = new Label(stale ? texts.get("device.needsReentry") : texts.get("device.current"));
        state.getStyleClass().add(stale ? "stale-devices" : Styles.TEXT_MUTED);
        HBox top = new HBox(10, name, type, new atlantafx.base.controls.Spacer());
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, top, state);
        row.getStyleClass().add("device-row");
        row.setId("device-" + device.name());
        if (stale) {
            Button done = new Button(texts.get("device.done"));
            done.setId("done-" + device.name());
            done.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
            done.setOnAction(e -> markDone(device.name(), address));
            done.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(done);
            VBox steps = new VBox(2);
            steps.getStyleClass().add("steps");
            List<String> lines = ReentrySteps.forDevice(device, account, texts.locale());
            for (int i = 0; i < lines.size(); i++) {
                Label step = new Label((i + 1) + ". " + lines.get(i));
                step.setWrapText(true);
                step.getStyleClass().add(Styles.TEXT_SMALL);
                steps.getChildren().add(step);
            }
            row.getChildren().add(steps);
        }
        return row;
    }

    private void markDone(String device, Address address) {
        context.background()
                .run(
                        () -> {
                            context.session().markDeviceDone(device, Optional.of(address));
                            return null;
                        },
                        ignored -> changed(),
                        context::showError);
    }

    private void renderHistory(DetailData data) {
        view.history.getChildren().clear();
        boolean any = false;
        for (var entry : data.history().entrySet()) {
            for (DetailData.Period period : entry.getValue()) {
                any = true;
                view.history
                        .getChildren()
                        .add(new Label(texts.get(
                                "detail.historyLine",
                                credentialName(entry.getKey(), data.account().spec()),
                                formats.date(period.from()),
                                formats.date(period.until()))));
            }
        }
        if (!any) {
            Label none = new Label(texts.get("detail.noHistory"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            view.history.getChildren().add(none);
        }
    }

    private void renderDiagnosis(Diagnosis diagnosis) {
        view.doctor.getChildren().clear();
        for (Finding finding : diagnosis.findings()) {
            Label line = new Label(finding.text(texts.locale()));
            line.setWrapText(true);
            line.getStyleClass().add("finding-" + finding.severity().name().toLowerCase(Locale.ROOT));
            line.setUserData(finding.code());
            view.doctor.getChildren().add(line);
        }
    }

    /** Something changed in the vault: reload this pane and the table. */
    void changed() {
        onChanged.run();
    }

    public void dispose() {
        loadRequest++;
        if (verifying != null) {
            verifying.cancel();
        }
        view.credentials.getChildren().clear();
    }
}
