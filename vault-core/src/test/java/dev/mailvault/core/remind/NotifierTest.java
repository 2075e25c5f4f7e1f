package dev.mailvault.core.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The notifier")
class NotifierTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** A stand-in notify-send: a real program that records its arguments and exits with {@code exit}. */
    private Path fakeNotifySend(Path folder, int exit) throws IOException {
        Files.createDirectories(folder);
        Path program = folder.resolve("notify-send");
        Files.writeString(
                program, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("args.txt") + "\"\nexit " + exit + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    @Test
    @DisplayName("uses notify-send from PATH when it is there, and prints nothing")
    void desktop() throws IOException {
        Path bin = dir.resolve("bin");
        fakeNotifySend(bin, 0);
        String path = dir.resolve("empty") + ":" + bin;
        Notifier notifier = new Notifier(Notifier.findOnPath("notify-send", path), CommandRunner.processes(), out);

        assertThat(notifier.notify("Mail Vault", "Passwords overdue: 1.")).isEqualTo(Notifier.Delivery.DESKTOP);
        assertThat(Files.readAllLines(dir.resolve("args.txt")))
                .containsExactly(
                        "--app-name=Mail Vault", "--icon=dialog-password", "--", "Mail Vault", "Passwords overdue: 1.");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("prints when notify-send is missing")
    void missing() {
        Notifier notifier = new Notifier(
                Notifier.findOnPath("notify-send", dir.toString()),
                command -> {
                    throw new AssertionError("nothing may run");
                },
                out);
        assertThat(notifier.notify("Mail Vault", "本文")).isEqualTo(Notifier.Delivery.PRINTED);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("Mail Vault: 本文" + System.lineSeparator());
    }

    @Test
    @DisplayName("prints when notify-send fails, as it does without a desktop session")
    void fails() throws IOException {
        Path program = fakeNotifySend(dir.resolve("bin"), 1);
        Notifier notifier = new Notifier(Optional.of(program), CommandRunner.processes(), out);
        assertThat(notifier.notify("Mail Vault", "text")).isEqualTo(Notifier.Delivery.PRINTED);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Mail Vault: text");
    }

    @Test
    @DisplayName("finds only executable files on PATH")
    void findOnPath() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve("notify-send"), "not executable");
        Path b = dir.resolve("b");
        Path program = fakeNotifySend(b, 0);
        assertThat(Notifier.findOnPath("notify-send", a + ":" + b)).contains(program);
        assertThat(Notifier.findOnPath("notify-send", a.toString())).isEmpty();
        assertThat(Notifier.findOnPath("notify-send", "")).isEmpty();
        assertThat(Notifier.findOnPath("notify-send", null)).isEmpty();
    }

    @Test
    @DisplayName("the process runner returns exit code and output, and reports a program that cannot start")
    void processRunner() {
        CommandRunner.Result result =
                CommandRunner.processes().run(List.of("sh", "-c", "echo hello; echo oops >&2; exit 3"));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("hello").contains("oops");
        assertThatThrownBy(() -> CommandRunner.processes()
                        .run(List.of(dir.resolve("nope").toString())))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("cannot run");
    }
}
