package dev.mailvault.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: reads its arguments and opens the one window. */
public final class MailVaultApp extends Application {
    @Override
    public void start(Stage stage) {
        AppConfig config = AppConfig.fromArguments(getParameters().getRaw(), System.getenv());
        new AppWindow(stage, config, url -> getHostServices().showDocument(url.toString())).show();
    }
}
