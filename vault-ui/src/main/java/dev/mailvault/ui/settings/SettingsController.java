package dev.mailvault.ui.settings;

import dev.mailvault.ui.common.AppContext;
import dev.mailvault.ui.masterpassword.ChangeMasterPasswordController;

/**
 * Edits the app's settings in a dialog; saving applies them at once. The master password is changed
 * from here too, in a dialog of its own that takes this one's place (unsaved choices are dropped,
 * as by Cancel).
 */
public final class SettingsController {
    private final AppContext context;
    private final SettingsView view;

    public SettingsController(AppContext context) {
        this.context = context;
        this.view = new SettingsView(context.texts());
        Settings current = context.settings();
        view.language.setValue(current.language());
        view.theme.setValue(current.theme());
        view.autoLock.getValueFactory().setValue(current.autoLockMinutes());
        view.cancel.setOnAction(e -> context.modal().hide());
        view.save.setOnAction(e -> save());
        view.changeMaster.setOnAction(e -> new ChangeMasterPasswordController(context).show());
    }

    public void show() {
        context.modal().show(view.root);
    }

    private void save() {
        view.autoLock.increment(0); // commits a typed value
        Settings chosen = new Settings(view.language.getValue(), view.theme.getValue(), view.autoLock.getValue());
        context.modal().hide();
        context.updateSettings(chosen);
    }
}
