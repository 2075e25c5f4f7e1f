package dev.mailvault.core.remind;

import dev.mailvault.core.VaultException;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shows a reminder on the desktop with {@code notify-send} when it is installed, and prints it
 * otherwise (or when {@code notify-send} fails, as it does without a desktop session). Only ever
 * given counts, never names: the job that calls it runs without the master password.
 */
public final class Notifier {
    /** How a notification reached the user. */
    public enum Delivery {
        DESKTOP,
        PRINTED
    }

    private final Optional<Path> notifySend;
    private final CommandRunner runner;
    private final PrintStream out;

    public Notifier(Optional<Path> notifySend, CommandRunner runner, PrintStream out) {
        this.notifySend = Objects.requireNonNull(notifySend, "notifySend");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A notifier that looks for {@code notify-send} on this process's {@code PATH}. */
    public static Notifier forCurrentUser(PrintStream out) {
        return new Notifier(findOnPath("notify-send", System.getenv("PATH")), CommandRunner.processes(), out);
    }

    /** The first executable file called {@code program} in the folders of a PATH value. */
    public static Optional<Path> findOnPath(String program, String pathVariable) {
        if (pathVariable == null || pathVariable.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    public Delivery notify(String title, String body) {
        if (notifySend.isPresent()) {
            try {
                // "--" ends the options, so a text can never be read as one
                CommandRunner.Result result = runner.run(List.of(
                        notifySend.get().toString(),
                        "--app-name=Mail Vault",
                        "--icon=dialog-password",
                        "--",
                        title,
                        body));
                if (result.succeeded()) {
                    return Delivery.DESKTOP;
                }
            } catch (VaultException e) {
                // fall through to printing: the reminder matters more than the channel
            }
        }
        out.println(title + ": " + body);
        out.flush();
        return Delivery.PRINTED;
    }
}
