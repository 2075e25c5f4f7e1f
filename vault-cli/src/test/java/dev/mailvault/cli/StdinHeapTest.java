package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.testing.Bytes;
import dev.mailvault.core.testing.HeapDumps;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master password given on standard input ({@code --password-stdin}) is not kept by the
 * command's input path: {@code System.in} is a buffered stream whose 8 KiB buffer would hold the
 * line (and every secret read after it) for the life of the process. The child runs with the
 * Epsilon collector, so a copy that was ever made and not wiped is still in its heap dump.
 */
@Tag("slow")
@DisplayName("The master password read from standard input")
class StdinHeapTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("is not in the heap of the command once it has unlocked, listed and locked")
    void notKeptByTheInputPath() throws Exception {
        Cli cli = Cli.withEmptyVault(dir);
        Path dump = dir.resolve("child.hprof");
        ProcessBuilder builder = new ProcessBuilder(HeapDumps.childCommand(
                        List.of("-Dpicocli.disable.closures=true"), StdinHeapProcess.class, cli.vault.toString()))
                .redirectError(dir.resolve("child-stderr.txt").toFile());
        builder.environment().put("LANG", "en_US.UTF-8");
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process child = builder.start();
        try {
            try (OutputStream in = child.getOutputStream()) {
                in.write((Cli.MASTER + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("locked"));
                assertThat(line)
                        .as("the child's last line (its stderr is in %s)", dir)
                        .isEqualTo("locked 0");
                HeapDumps.dump(child.pid(), dump);
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        byte[] heap = Files.readAllBytes(dump);
        assertThat(Bytes.indexOf(heap, cli.vault.getFileName().toString().getBytes(StandardCharsets.UTF_8)))
                .as("the search works: the vault's file name is in the same dump")
                .isNotNegative();
        assertThat(Bytes.indexOf(heap, Cli.MASTER.getBytes(StandardCharsets.UTF_8)))
                .as("the master password (UTF-8, as read) in the heap dump %s", dump)
                .isNegative();
        assertThat(Bytes.indexOf(heap, Cli.MASTER.getBytes(StandardCharsets.UTF_16BE)))
                .as("the master password as chars in the heap dump %s", dump)
                .isNegative();
        Files.delete(dump);
    }
}
