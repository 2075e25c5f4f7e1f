package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code Main} in its own JVM: real standard streams, exit status and environment. */
@DisplayName("vault as a separate process")
class ProcessTest {
    @TempDir
    Path dir;

    private Path vault;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void setUp() {
        vault = dir.resolve("vault.db");
    }

    private Run vault(String stdin, Map<String, String> extraEnv, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "dev.mailvault.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("VAULT"));
        builder.environment().put("VAULT_FILE", vault.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().putAll(extraEnv);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("vault did not finish");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private Run vault(String stdin, String... args) throws Exception {
        return vault(stdin, Map.of(), args);
    }

    @Test
    @DisplayName("--version exits 0 and names the program")
    void version() throws Exception {
        Run r = vault("", "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("vault ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("init, add and get through real standard input; exit codes 0, 2, 3 and 4")
    void session() throws Exception {
        assertThat(vault("m\n", "list", "--password-stdin").code()).isEqualTo(4);
        Run init = vault(
                "master pw\n",
                "--password-stdin",
                "init",
                "--kdf-memory",
                "64",
                "--kdf-iterations",
                "3",
                "--kdf-parallelism",
                "4");
        assertThat(init.code()).as(init.err()).isZero();
        Run add = vault(
                "master pw\nsecret pw\n",
                "--password-stdin",
                "add",
                "taro@example.jp",
                "--imap",
                "imap.example.jp:993",
                "--smtp",
                "smtp.example.jp:465");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.err()).isEmpty();
        Run get = vault("master pw\n", "--password-stdin", "get", "taro@example.jp");
        assertThat(get.out()).isEqualTo("secret pw\n");
        byte[] before = Files.readAllBytes(vault);
        Run wrong = vault("nope\n", "--password-stdin", "remove", "taro@example.jp", "--yes");
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(Files.readAllBytes(vault)).isEqualTo(before);
        assertThat(vault("", "list", "--unknown").code()).isEqualTo(2);
    }

    @Test
    @DisplayName("LANG=ja_JP.UTF-8 gives Japanese messages, written as UTF-8")
    void japanese() throws Exception {
        Run r = vault("", Map.of("LANG", "ja_JP.UTF-8"), "list", "--password-stdin");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("保管庫がありません");
    }
}
