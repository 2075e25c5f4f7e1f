package dev.mailvault.core.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The reminder installer")
class ReminderInstallerTest {
    @TempDir
    Path home;

    private final List<List<String>> calls = new ArrayList<>();
    private int systemctlExit = 0;
    private final CommandRunner recorder = command -> {
        calls.add(List.copyOf(command));
        return new CommandRunner.Result(systemctlExit, systemctlExit == 0 ? "" : "Failed to connect to bus");
    };

    private Path configHome;
    private Path launcher;

    @BeforeEach
    void launcher() throws IOException {
        configHome = home.resolve(".config");
        // a real executable whose path needs quoting: a space, a quote and a percent sign
        Path bin = Files.createDirectories(home.resolve("opt/mail vault/bin"));
        launcher = bin.resolve("vault");
        Files.writeString(launcher, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Nested
    @DisplayName("where systemd runs")
    class WithSystemd {
        private ReminderInstaller installer() {
            return new ReminderInstaller(configHome, recorder, () -> true);
        }

        @Test
        @DisplayName("writes the service and timer units, then reloads and enables the timer")
        void installs() throws IOException {
            ReminderInstaller.Installation result = installer().install(launcher, List.of("--vault", "/data/100%.db"));

            Path unitDir = configHome.resolve("systemd/user");
            Path service = unitDir.resolve("mailvault-remind.service");
            Path timer = unitDir.resolve("mailvault-remind.timer");
            assertThat(result.method()).isEqualTo(ReminderInstaller.Method.SYSTEMD);
            assertThat(result.files()).containsExactly(service, timer);
            assertThat(result.crontabLine()).isEmpty();

            String serviceText = Files.readString(service);
            assertThat(serviceText)
                    .contains("Type=oneshot")
                    .contains("ExecStart=\"" + launcher + "\" \"--vault\" \"/data/100%%.db\" \"remind\" \"--notify\"\n")
                    .contains("SuccessExitStatus=1");
            assertThat(Files.readString(timer))
                    .contains("[Timer]")
                    .contains("OnCalendar=*-*-* 09:00:00")
                    .contains("Persistent=true")
                    .contains("WantedBy=timers.target");
            assertThat(calls)
                    .containsExactly(
                            List.of("systemctl", "--user", "daemon-reload"),
                            List.of("systemctl", "--user", "enable", "--now", "mailvault-remind.timer"));
        }

        @Test
        @DisplayName("writes units that systemd itself accepts (systemd-analyze verify)")
        void systemdAcceptsTheUnits() throws Exception {
            assumeTrue(
                    Notifier.findOnPath("systemd-analyze", System.getenv("PATH"))
                            .isPresent(),
                    "systemd-analyze is not installed");
            installer().install(launcher, List.of("--vault", "/data/100%.db", "--lang", "ja"));
            Path runtime = Files.createDirectories(home.resolve("run"));
            Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
            Path unitDir = configHome.resolve("systemd/user");
            ProcessBuilder pb = new ProcessBuilder(
                            "systemd-analyze",
                            "verify",
                            "--user",
                            unitDir.resolve("mailvault-remind.timer").toString(),
                            unitDir.resolve("mailvault-remind.service").toString())
                    .redirectErrorStream(true);
            pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", configHome.toString());
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("is not executable").doesNotContain("ignoring");
        }

        @Test
        @DisplayName("installing again replaces the files with the new launcher")
        void reinstall() throws IOException {
            installer().install(launcher, List.of());
            Path other = Files.copy(launcher, home.resolve("vault2"));
            installer().install(other, List.of());
            assertThat(Files.readString(configHome.resolve("systemd/user/mailvault-remind.service")))
                    .contains("ExecStart=\"" + other + "\" \"remind\" \"--notify\"")
                    .doesNotContain(launcher.toString());
        }

        @Test
        @DisplayName("uninstall disables the timer, removes both files and reloads")
        void uninstalls() {
            installer().install(launcher, List.of());
            calls.clear();
            ReminderInstaller.Removal removal = installer().uninstall();
            assertThat(removal.removedFiles()).hasSize(2);
            assertThat(removal.crontabRemoveCommand()).isEmpty();
            assertThat(configHome.resolve("systemd/user/mailvault-remind.service"))
                    .doesNotExist();
            assertThat(configHome.resolve("systemd/user/mailvault-remind.timer"))
                    .doesNotExist();
            assertThat(calls)
                    .containsExactly(
                            List.of("systemctl", "--user", "disable", "--now", "mailvault-remind.timer"),
                            List.of("systemctl", "--user", "daemon-reload"));
        }

        @Test
        @DisplayName("uninstall with nothing installed removes nothing and runs nothing")
        void uninstallNothing() {
            ReminderInstaller.Removal removal = installer().uninstall();
            assertThat(removal.removedFiles()).isEmpty();
            assertThat(calls).isEmpty();
        }

        @Test
        @DisplayName("a failing systemctl is reported with its output")
        void systemctlFails() {
            systemctlExit = 1;
            assertThatThrownBy(() -> installer().install(launcher, List.of()))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("systemctl --user daemon-reload failed (exit 1)")
                    .hasMessageContaining("Failed to connect to bus");
        }
    }

    @Nested
    @DisplayName("where systemd does not run")
    class WithoutSystemd {
        private ReminderInstaller installer() {
            return new ReminderInstaller(configHome, recorder, () -> false);
        }

        @Test
        @DisplayName("writes nothing and gives a daily crontab line that runs remind --notify")
        void crontabLine() throws Exception {
            ReminderInstaller.Installation result =
                    installer().install(launcher, List.of("--vault", "/data/it's 100%.db"));
            assertThat(result.method()).isEqualTo(ReminderInstaller.Method.CRONTAB);
            assertThat(result.files()).isEmpty();
            assertThat(configHome).doesNotExist();
            assertThat(calls).isEmpty();
            String line = result.crontabLine().orElseThrow();
            assertThat(line).startsWith("0 9 * * * ").endsWith(" # mailvault-remind");

            // run the command part as cron would: unescape \% (cron turns a bare % into a newline), then sh
            String command = line.substring("0 9 * * * ".length()).replace("\\%", "%");
            Process process = new ProcessBuilder("sh", "-c", command).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readAllLines(launcher.resolveSibling("args.txt")))
                    .containsExactly("--vault", "/data/it's 100%.db", "remind", "--notify");
        }

        @Test
        @DisplayName("uninstall gives the command that removes the marked crontab line")
        void uninstallCron() throws Exception {
            ReminderInstaller.Removal removal = installer().uninstall();
            assertThat(removal.removedFiles()).isEmpty();
            String remove = removal.crontabRemoveCommand().orElseThrow();
            assertThat(remove).isEqualTo(ReminderInstaller.CRON_REMOVE_COMMAND);

            // the filter in the middle keeps other lines and drops ours
            String crontab = "5 4 * * * backup\n"
                    + installer().install(launcher, List.of()).crontabLine().orElseThrow() + "\n";
            String filter = remove.substring(remove.indexOf('|') + 1, remove.lastIndexOf('|'));
            Process process = new ProcessBuilder("sh", "-c", filter).start();
            process.getOutputStream().write(crontab.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String kept = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(kept).isEqualTo("5 4 * * * backup\n");
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refuses {
        private ReminderInstaller installer() {
            return new ReminderInstaller(
                    configHome,
                    command -> {
                        throw new AssertionError("nothing may run");
                    },
                    () -> true);
        }

        @Test
        @DisplayName("a relative launcher path")
        void relativeLauncher() {
            assertThatThrownBy(() -> installer().install(Path.of("bin/vault"), List.of()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("absolute path");
        }

        @Test
        @DisplayName("password options: the job never unlocks, so no secret goes into its files")
        void passwordOptions() {
            assertThatThrownBy(() -> installer().install(launcher, List.of("--password-file", "/home/a/pw")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("never unlocks");
            assertThatThrownBy(() -> installer().install(launcher, List.of("--password-stdin")))
                    .isInstanceOf(BadInputException.class);
            assertThat(home.resolve(".config")).doesNotExist();
        }

        @Test
        @DisplayName("control characters, which could start a new line in a unit or crontab")
        void controlCharacters() {
            assertThatThrownBy(() -> installer().install(launcher, List.of("--vault", "a\nExecStartPre=/bin/evil")))
                    .isInstanceOf(BadInputException.class);
        }
    }

    @Test
    @DisplayName("the configuration folder is $XDG_CONFIG_HOME when absolute, else ~/.config")
    void configHome() {
        Path h = Path.of("/home/alice");
        assertThat(ReminderInstaller.configHome(Map.of(), h)).isEqualTo(Path.of("/home/alice/.config"));
        assertThat(ReminderInstaller.configHome(Map.of("XDG_CONFIG_HOME", "/cfg"), h))
                .isEqualTo(Path.of("/cfg"));
        assertThat(ReminderInstaller.configHome(Map.of("XDG_CONFIG_HOME", "relative"), h))
                .isEqualTo(Path.of("/home/alice/.config"));
    }

    @Test
    @DisplayName("no systemd user manager is seen without a runtime folder holding systemd state")
    void probe() {
        assertThat(ReminderInstaller.systemdUserManagerRunning(Map.of())).isFalse();
        assertThat(ReminderInstaller.systemdUserManagerRunning(Map.of("XDG_RUNTIME_DIR", home.toString())))
                .isFalse();
    }
}
