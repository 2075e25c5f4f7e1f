package dev.mailvault.ui;

import dev.mailvault.core.BadInputException;
import java.util.List;
import javafx.application.Application;

/**
 * The desktop app's main class. It must not extend {@link Application}: started from the class
 * path, such a main class fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        try {
            AppConfig.Arguments.parse(List.of(args));
        } catch (BadInputException e) {
            System.err.println("vault ui: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(MailVaultApp.class, args);
    }
}
