package dev.mailvault.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.mailvault.ui.settings.Settings;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX's Primer theme, light or dark, plus the app's few own styles. */
public final class Themes {
    private static final String APP_CSS = Objects.requireNonNull(
                    Themes.class.getResource("/dev/mailvault/ui/app.css"), "app.css")
            .toExternalForm();

    private Themes() {}

    public static void apply(Scene scene, Settings.Theme theme) {
        Application.setUserAgentStylesheet(
                theme == Settings.Theme.DARK
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}
