package dev.mailvault.ui.rotation;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.provider.Portal;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.rotation.RotationService;
import dev.mailvault.core.rotation.SameAsCurrentException;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.PasswordFields;
import dev.mailvault.ui.common.Texts;
import dev.mailvault.ui.verify.ResultRows;
import dev.mailvault.ui.verify.VerifySummary;
import dev.mailvault.ui.verify.VerifyTask;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Walks through one rotation: 1) where the provider lets you change the password, 2) a generated
 * or pasted new value, stored as pending at once, 3) a login with it (which promotes it and marks
 * devices stale), 4) ticking off the devices as they get the new value. Every step is a call to
 * the core's rotation, verify or session API.
 */
public final class RotationWizardController {
    private final AppContext context;
    private final Texts texts;
    private final Address address;
    private final AccountSpec spec;
    private final CredentialRef ref;
    private final String credentialName;
    private final Runnable onChanged;
    private final RotationWizardView view;
    private final Provider provider;
    private int step;
    private boolean pendingStored;
    private boolean promoted;
    private VerifyTask verifying;

    public RotationWizardController(
            AppContext context, AccountInfo account, CredentialRef ref, String credentialName, Runnable onChanged) {
        this.context = context;
        this.texts = context.texts();
        this.address = account.address();
        this.spec = account.spec();
        this.ref = ref;
        this.credentialName = credentialName;
        this.onChanged = onChanged;
        this.view = new RotationWizardView(texts);
        this.provider = context.catalog().forAccount(account.spec().providerId(), account.address());
        this.pendingStored = account.credential(ref).map(c -> c.hasPending()).orElse(false);
        view.title.setText(texts.get("rotation.title"));
        view.subtitle.setText(address.value() + " · " + credentialName);
        describeProvider();
        prepareNewValue();
        prepareVerify();
        view.back.setOnAction(e -> go(step - 1));
        view.next.setOnAction(e -> next());
        view.close.setOnAction(e -> context.modal().hide());
        view.abandon.setOnAction(e -> abandon());
    }

    public void show() {
        go(0);
        context.modal().show(view.root, () -> {
            PasswordFields.wipe(view.newValue);
            if (verifying != null) {
                verifying.cancel();
            }
            onChanged.run();
        });
    }

    // step 1

    private void describeProvider() {
        view.providerLine.setText(texts.get(
                "rotation.providerLine",
                provider.name(texts.locale()),
                provider.passwordKindDescription(texts.locale())));
        Optional<Portal> portal = provider.portal();
        if (portal.isPresent()) {
            view.portalLink.setText(portal.get().name().get(texts.locale()) + " — "
                    + portal.get().url());
            view.portalLink.setOnAction(e -> context.openLink(portal.get().url()));
            List<String> steps = portal.get().steps(texts.locale());
            for (int i = 0; i < steps.size(); i++) {
                Label line = new Label((i + 1) + ". " + steps.get(i));
                line.setWrapText(true);
                view.portalSteps.getChildren().add(line);
            }
        } else {
            view.portalLink.setVisible(false);
            view.portalLink.setManaged(false);
            view.portalSteps.getChildren().add(new Label(texts.get("rotation.noPortal")));
        }
        String note = provider.unconfirmedNotice(texts.locale()).orElse("");
        if (provider.oauthOnly()) {
            note = texts.get("rotation.oauthOnly") + (note.isEmpty() ? "" : "\n" + note);
        }
        view.providerNote.setText(note);
    }

    // step 2

    private void prepareNewValue() {
        var rules = provider.generate();
        if (rules.allowed()) {
            view.length.getValueFactory().setValue(rules.defaultLength());
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) view.length.getValueFactory())
                    .setMin(rules.minLength());
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) view.length.getValueFactory())
                    .setMax(rules.maxLength());
            view.generate.setSelected(true);
        } else {
            view.generate.setDisable(true);
            view.length.setDisable(true);
            view.generateRefused.setText(rules.refusal(texts.locale()).orElse(""));
            view.paste.setSelected(true);
        }
        view.newValue.disableProperty().bind(view.paste.selectedProperty().not());
        view.store.setOnAction(e -> storePending());
        view.copyPending.setOnAction(e -> copyPending());
        if (pendingStored) {
            view.stored.setText(texts.get("rotation.alreadyPending"));
            view.copyPending.setVisible(true);
        }
    }

    private void storePending() {
        boolean generate = view.generate.isSelected();
        if (!generate && view.newValue.getLength() == 0) {
            view.problem.setText(texts.get("rotation.enterValue"));
            return;
        }
        Secret typed = generate ? null : PasswordFields.take(view.newValue);
        Optional<Integer> length = generate ? Optional.of(view.length.getValue()) : Optional.empty();
        view.store.setDisable(true);
        view.problem.setText("");
        context.background()
                .run(
                        () -> {
                            try (typed) {
                                return rotation().start(address, ref, typed, generate, length);
                            }
                        },
                        started -> {
                            pendingStored = true;
                            view.store.setDisable(false);
                            view.stored.setText(texts.get(generate ? "rotation.storedGenerated" : "rotation.stored"));
                            view.copyPending.setVisible(true);
                            updateButtons();
                        },
                        error -> {
                            view.store.setDisable(false);
                            view.problem.setText(storeProblem(error));
                        });
    }

    /** Why the new value was not stored, in the app's language. */
    private String storeProblem(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SameAsCurrentException) {
                return texts.get("rotation.sameAsCurrent");
            }
        }
        return ErrorTexts.describe(error, texts);
    }

    private void copyPending() {
        context.background()
                .run(
                        () -> context.session().pendingSecret(address, ref).orElseThrow(),
                        secret -> {
                            try (secret) {
                                context.clipboard().copy(secret);
                            }
                        },
                        context::showError);
    }

    // step 3

    private boolean verifiable() {
        return ref.kind() == CredentialKind.IMAP || ref.kind() == CredentialKind.SMTP;
    }

    private void prepareVerify() {
        view.verifyIntro.setText(texts.get(verifiable() ? "rotation.verifyIntro" : "rotation.cannotVerify"));
        view.verify.setVisible(verifiable());
        view.verify.setManaged(verifiable());
        view.verify.setOnAction(e -> verify());
        view.promoteUnverified.setOnAction(e -> promoteUnverified());
    }

    private void verify() {
        view.results.getChildren().clear();
        view.verdict.setText("");
        // disabling it hands the focus on to "Mark as changed (no check)": it comes back after, so
        // that Space or Enter tries again instead of promoting a value no server accepted
        boolean focused = view.verify.isFocused();
        view.verify.setDisable(true);
        view.verifying.setVisible(true);
        Runnable refocus = () -> {
            if (focused && !view.verify.isDisabled() && view.verify.isVisible()) {
                view.verify.requestFocus();
            }
        };
        VerifyTask task = new VerifyTask(
                context.session(),
                context.catalog(),
                context.clock(),
                address,
                check -> view.results.getChildren().add(ResultRows.of(check, texts)));
        verifying = task;
        context.background()
                .submit(
                        task,
                        report -> {
                            verifying = null;
                            view.verify.setDisable(false);
                            view.verifying.setVisible(false);
                            judge(report);
                            refocus.run();
                        },
                        error -> {
                            verifying = null;
                            view.verify.setDisable(false);
                            view.verifying.setVisible(false);
                            view.problem.setText(ErrorTexts.describe(error, texts));
                            refocus.run();
                        });
    }

    private void judge(VerifyService.Report report) {
        Optional<VerifyService.RotationOutcome> outcome = report.rotations().stream()
                .filter(r -> r.account().equals(address) && r.credential().equals(ref))
                .map(VerifyService.RotationEvent::outcome)
                .findFirst();
        view.verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (outcome.isPresent()) {
            view.verdict.setText(texts.get("rotation.outcome." + outcome.get().name()));
            boolean ok = outcome.get() == VerifyService.RotationOutcome.PROMOTED;
            view.verdict.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            if (ok) {
                promoted();
            }
        } else {
            view.verdict.setText(VerifySummary.of(report, texts));
        }
    }

    private void promoteUnverified() {
        context.background()
                .run(
                        () -> {
                            rotation().promoteUnverified(address, ref);
                            return null;
                        },
                        ignored -> {
                            view.verdict.setText(texts.get("rotation.promotedUnverified"));
                            promoted();
                        },
                        error -> view.problem.setText(ErrorTexts.describe(error, texts)));
    }

    private void promoted() {
        promoted = true;
        pendingStored = false;
        view.verify.setDisable(true);
        view.promoteUnverified.setDisable(true);
        onChanged.run();
        updateButtons();
    }

    // step 4

    private void loadDevices() {
        context.background().run(() -> rotation().devicesUsing(address, ref), this::showDevices, context::showError);
    }

    private void showDevices(List<DeviceInfo> devices) {
        view.devices.getChildren().clear();
        if (devices.isEmpty()) {
            view.devices.getChildren().add(view.noDevices);
            return;
        }
        for (DeviceInfo device : devices) {
            boolean stale = device.uses().stream().anyMatch(u -> u.account().equals(address) && u.needsReentry());
            CheckBox updated =
                    new CheckBox(device.name() + " (" + ReentrySteps.typeName(device.type(), texts.locale()) + ")");
            updated.setId("updated-" + device.name());
            updated.setSelected(!stale);
            updated.setDisable(!stale);
            updated.selectedProperty().addListener((obs, was, ticked) -> {
                if (ticked) {
                    updated.setDisable(true);
                    markDone(device.name());
                }
            });
            VBox steps = new VBox(2);
            steps.getStyleClass().add("steps");
            for (String line : ReentrySteps.forDevice(device, spec, texts.locale())) {
                Label step = new Label("· " + line);
                step.setWrapText(true);
                step.getStyleClass().add(Styles.TEXT_SMALL);
                steps.getChildren().add(step);
            }
            VBox row = new VBox(4, updated, steps);
            row.getStyleClass().add("device-row");
            view.devices.getChildren().add(row);
        }
    }

    private void markDone(String device) {
        context.background()
                .run(
                        () -> {
                            context.session().markDeviceDone(device, Optional.of(address));
                            return null;
                        },
                        ignored -> onChanged.run(),
                        context::showError);
    }

    // navigation

    private void next() {
        if (step == 3) {
            context.modal().hide();
        } else {
            go(step + 1);
        }
    }

    private void go(int target) {
        step = Math.max(0, Math.min(3, target));
        for (int i = 0; i < 4; i++) {
            view.steps[i].setVisible(i == step);
            view.stepLabels[i].getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            view.stepLabels[i]
                    .getStyleClass()
                    .addAll(i == step ? List.of(Styles.ACCENT, Styles.TEXT_BOLD) : List.of(Styles.TEXT_MUTED));
        }
        view.problem.setText("");
        if (step == 3) {
            loadDevices();
        }
        updateButtons();
    }

    private void updateButtons() {
        view.back.setDisable(step == 0 || promoted && step == 3);
        Function<Integer, Boolean> blocked = s -> switch (s) {
            case 1 -> !pendingStored && !promoted;
            case 2 -> !promoted;
            default -> false;
        };
        view.next.setDisable(blocked.apply(step));
        view.next.setText(texts.get(step == 3 ? "rotation.finish" : "rotation.next"));
        view.abandon.setVisible(pendingStored && !promoted);
    }

    private void abandon() {
        context.background()
                .run(
                        () -> {
                            rotation().abandon(address, ref);
                            return null;
                        },
                        ignored -> context.modal().hide(),
                        error -> view.problem.setText(ErrorTexts.describe(error, texts)));
    }

    private RotationService rotation() {
        return new RotationService(context.session(), context.catalog(), context.random());
    }

    String credentialName() {
        return credentialName;
    }
}
