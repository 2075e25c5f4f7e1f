package dev.mailvault.core.remind;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Installs the daily reminder job: a systemd user timer where a systemd user manager runs,
 * otherwise a crontab line for the user to add. The job runs {@code LAUNCHER [OPTIONS] remind
 * --notify}, which reports counts only and never unlocks the vault, so the job needs no secret and
 * none is ever written into its files.
 */
public final class ReminderInstaller {
    public static final String UNIT_NAME = "mailvault-remind";
    /** Marks the crontab line so that it can be found and removed again. */
    public static final String CRON_MARKER = "# " + UNIT_NAME;
    /** The shell command that removes the marked crontab line. */
    public static final String CRON_REMOVE_COMMAND = "crontab -l | grep -v '" + CRON_MARKER + "' | crontab -";

    /** How the job was installed. */
    public enum Method {
        SYSTEMD,
        CRONTAB
    }

    /**
     * The result of {@link #install}: with {@link Method#SYSTEMD} the unit files written and
     * enabled; with {@link Method#CRONTAB} no file, and the line the user adds with {@code crontab -e}.
     */
    public record Installation(Method method, List<Path> files, Optional<String> crontabLine) {}

    /**
     * The result of {@link #uninstall}: the unit files removed (maybe none), and without systemd
     * the command that removes the crontab line.
     */
    public record Removal(List<Path> removedFiles, Optional<String> crontabRemoveCommand) {}

    private final Path unitDir;
    private final CommandRunner runner;
    private final BooleanSupplier systemdRunning;

    /**
     * @param configHome the user's configuration folder ({@code $XDG_CONFIG_HOME}, else
     *     {@code ~/.config}); units go to its {@code systemd/user} folder
     * @param runner runs {@code systemctl}
     * @param systemdRunning tells whether a systemd user manager runs for this user
     */
    public ReminderInstaller(Path configHome, CommandRunner runner, BooleanSupplier systemdRunning) {
        this.unitDir = configHome.resolve("systemd").resolve("user");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.systemdRunning = Objects.requireNonNull(systemdRunning, "systemdRunning");
    }

    /** The installer for the user running this process, with real {@code systemctl}. */
    public static ReminderInstaller forCurrentUser() {
        Map<String, String> env = System.getenv();
        return new ReminderInstaller(
                configHome(env, VaultService.home(env)),
                CommandRunner.processes(),
                () -> systemdUserManagerRunning(env));
    }

    /** {@code $XDG_CONFIG_HOME} when it is an absolute path (as the XDG spec requires), else {@code home/.config}. */
    public static Path configHome(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home.resolve(".config");
    }

    /**
     * True when the machine booted with systemd ({@code /run/systemd/system}, as sd_booted checks)
     * and this user's manager runs (it keeps its state under {@code $XDG_RUNTIME_DIR/systemd}).
     */
    public static boolean systemdUserManagerRunning(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        return Files.isDirectory(Path.of("/run/systemd/system"))
                && runtime != null
                && !runtime.isEmpty()
                && Files.isDirectory(Path.of(runtime, "systemd"));
    }

    public Path serviceFile() {
        return unitDir.resolve(UNIT_NAME + ".service");
    }

    public Path timerFile() {
        return unitDir.resolve(UNIT_NAME + ".timer");
    }

    /**
     * Installs (or re-installs, replacing the earlier files) the daily job.
     *
     * @param launcher the absolute path of the {@code vault} launcher
     * @param options global options the job passes before {@code remind --notify}, such as
     *     {@code --vault FILE} or {@code --lang ja}; password options are refused
     */
    public Installation install(Path launcher, List<String> options) {
        List<String> command = jobCommand(launcher, options);
        if (!systemdRunning.getAsBoolean()) {
            return new Installation(Method.CRONTAB, List.of(), Optional.of(crontabLine(command)));
        }
        try {
            Files.createDirectories(unitDir);
        } catch (IOException e) {
            throw new VaultException("cannot create " + unitDir + ": " + e.getMessage(), e);
        }
        var mode = PosixFilePermissions.fromString("rw-r--r--");
        AtomicFiles.write(serviceFile(), serviceUnit(command).getBytes(StandardCharsets.UTF_8), mode);
        AtomicFiles.write(timerFile(), timerUnit().getBytes(StandardCharsets.UTF_8), mode);
        systemctl(true, "daemon-reload");
        systemctl(true, "enable", "--now", UNIT_NAME + ".timer");
        return new Installation(Method.SYSTEMD, List.of(serviceFile(), timerFile()), Optional.empty());
    }

    /** Stops and removes the timer and service; without systemd, says how to remove the crontab line. */
    public Removal uninstall() {
        boolean systemd = systemdRunning.getAsBoolean();
        boolean present = Files.exists(timerFile()) || Files.exists(serviceFile());
        if (systemd && present) {
            // a unit that is not loaded makes "disable" fail; removing the files is what matters
            systemctl(false, "disable", "--now", UNIT_NAME + ".timer");
        }
        List<Path> removed = new ArrayList<>();
        for (Path file : List.of(timerFile(), serviceFile())) {
            try {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            } catch (IOException e) {
                throw new VaultException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
        if (systemd && present) {
            systemctl(true, "daemon-reload");
        }
        return new Removal(List.copyOf(removed), systemd ? Optional.empty() : Optional.of(CRON_REMOVE_COMMAND));
    }

    /** The service unit that runs {@code command} once. */
    static String serviceUnit(List<String> command) {
        StringBuilder exec = new StringBuilder();
        for (String arg : command) {
            exec.append(exec.length() == 0 ? "" : " ").append(systemdQuote(arg));
        }
        return "# Written by Mail Vault (vault remind --install); remove with vault remind --uninstall.\n"
                + "[Unit]\n"
                + "Description=Mail Vault: remind about passwords due for a change\n"
                + "\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "ExecStart=" + exec + "\n"
                // exit 1 means "something is due": the notification said so, the job did not fail
                + "SuccessExitStatus=1\n";
    }

    /** The timer: daily at 09:00, and at the next boot when the machine was off at that time. */
    static String timerUnit() {
        return "# Written by Mail Vault (vault remind --install); remove with vault remind --uninstall.\n"
                + "[Unit]\n"
                + "Description=Daily Mail Vault password reminder\n"
                + "\n"
                + "[Timer]\n"
                + "OnCalendar=*-*-* 09:00:00\n"
                + "Persistent=true\n"
                + "RandomizedDelaySec=10min\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=timers.target\n";
    }

    /**
     * A crontab line running {@code command} daily at 09:00. Cron's environment has no session bus,
     * so the line points notify-send at the user's standard one.
     */
    static String crontabLine(List<String> command) {
        StringBuilder line = new StringBuilder("0 9 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus");
        for (String arg : command) {
            line.append(' ').append(shellQuote(arg).replace("%", "\\%"));
        }
        return line.append(' ').append(CRON_MARKER).toString();
    }

    private static List<String> jobCommand(Path launcher, List<String> options) {
        if (launcher == null || !launcher.isAbsolute()) {
            throw new BadInputException(
                    "the reminder job needs the absolute path of the vault launcher, got '" + launcher + "'");
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.normalize().toString());
        for (String option : options) {
            if (option.toLowerCase(Locale.ROOT).startsWith("--password")) {
                throw new BadInputException("the reminder job never unlocks the vault: '" + option
                        + "' is not allowed (allowed: --vault FILE, --lang ja|en)");
            }
            command.add(option);
        }
        command.add("remind");
        command.add("--notify");
        for (String arg : command) {
            if (arg.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new BadInputException("the reminder job's command cannot contain control characters");
            }
        }
        return command;
    }

    private void systemctl(boolean mustSucceed, String... args) {
        List<String> command = new ArrayList<>(List.of("systemctl", "--user"));
        command.addAll(List.of(args));
        CommandRunner.Result result = runner.run(command);
        if (mustSucceed && !result.succeeded()) {
            throw new VaultException(String.join(" ", command) + " failed (exit " + result.exitCode() + ")"
                    + (result.output().isEmpty() ? "" : ": " + result.output()));
        }
    }

    /** Quotes one word for a systemd ExecStart line: "…" with C escapes, and %, $ doubled. */
    static String systemdQuote(String arg) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            switch (c) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '%' -> q.append("%%");
                case '$' -> q.append("$$");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    /** Quotes one word for sh: inside single quotes everything is literal except the quote itself. */
    static String shellQuote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
