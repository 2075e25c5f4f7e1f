package dev.mailvault.ui.devices;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceNames;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.common.ErrorTexts;
import dev.mailvault.ui.common.Texts;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.util.StringConverter;

/** Registers a device holding the current passwords of the ticked accounts. */
public final class DeviceFormController {
    private final AppContext context;
    private final Texts texts;
    private final Optional<Address> preselected;
    private final Runnable onSaved;
    private final DeviceFormView view;

    public DeviceFormController(AppContext context, Optional<Address> preselected, Runnable onSaved) {
        this.context = context;
        this.texts = context.texts();
        this.preselected = preselected;
        this.onSaved = onSaved;
        this.view = new DeviceFormView(texts);
        view.type.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceType type) {
                return type == null ? "" : ReentrySteps.typeName(type, texts.locale());
            }

            @Override
            public DeviceType fromString(String text) {
                throw new UnsupportedOperationException("the device types are a fixed list");
            }
        });
        view.type.setValue(DeviceType.IPHONE);
        view.cancel.setOnAction(e -> context.modal().hide());
        view.save.setOnAction(e -> save());
    }

    public void show() {
        context.background().run(() -> context.session().accounts(), this::listAccounts, context::showError);
        context.modal().show(view.root);
        Platform.runLater(view.name::requestFocus);
    }

    private void listAccounts(List<AccountInfo> accounts) {
        view.accounts.getChildren().clear();
        for (AccountInfo account : accounts) {
            CheckBox box = new CheckBox(account.address().value());
            box.setUserData(account.address());
            box.setSelected(preselected.map(account.address()::equals).orElse(false));
            view.accounts.getChildren().add(box);
        }
    }

    private void save() {
        List<Address> uses = view.accounts.getChildren().stream()
                .map(CheckBox.class::cast)
                .filter(CheckBox::isSelected)
                .map(box -> (Address) box.getUserData())
                .toList();
        String name;
        try {
            name = DeviceNames.check(view.name.getText());
        } catch (BadInputException e) {
            view.problem.setText(texts.get("deviceForm.badName"));
            return;
        }
        DeviceType type = view.type.getValue();
        view.save.setDisable(true);
        context.background()
                .run(
                        () -> {
                            if (context.session().devices().stream().anyMatch(d -> DeviceNames.same(d.name(), name))) {
                                throw new NameTaken(texts.get("deviceForm.nameTaken", name));
                            }
                            return context.session().addDevice(name, type, uses);
                        },
                        device -> {
                            context.modal().hide();
                            onSaved.run();
                        },
                        error -> {
                            view.save.setDisable(false);
                            view.problem.setText(
                                    error instanceof NameTaken
                                            ? error.getMessage()
                                            : ErrorTexts.describe(error, texts));
                        });
    }

    /** A name another device has, worded for the user (the core refuses it too, in English). */
    private static final class NameTaken extends RuntimeException {
        NameTaken(String text) {
            super(text, null, false, false);
        }
    }
}
