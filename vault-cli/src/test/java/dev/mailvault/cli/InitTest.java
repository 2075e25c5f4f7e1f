package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault init")
class InitTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("data"));
    }

    @Test
    @DisplayName("creates a vault with explicit parameters and prints them")
    void explicit() {
        Result r = cli.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Created the vault " + cli.vault)
                .contains("memory 64 MiB, 3 iterations, parallelism 4");
        assertThat(cli.unlocked("list").code()).isZero();
    }

    @Test
    @DisplayName("calibrates to --unlock-ms, never below the floor")
    void calibrates() {
        Result r = cli.run(Cli.MASTER + "\n", "--password-stdin", "init", "--unlock-ms", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("about 100 ms");
        assertThat(r.out()).contains("memory 64 MiB, 3 iterations, parallelism 4");
    }

    @Test
    @DisplayName("refuses to overwrite an existing file with exit 2")
    void neverOverwrites() throws Exception {
        Files.createDirectories(cli.vault.getParent());
        Files.writeString(cli.vault, "keep me");
        Result r = cli.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(cli.vault)).isEqualTo("keep me");
    }

    @Test
    @DisplayName("a place no vault can be made is exit 2 naming it and why, not an internal error")
    void unwritablePlace() throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        cli.env.put("VAULT_FILE", file.resolve("vault.db").toString());
        Result underFile =
                cli.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(underFile.code()).as(underFile.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(underFile.err()).contains(file + " is a file, not a folder").doesNotContain("already exists");

        // a name too long for the file system: refused for root too
        cli.env.put("VAULT_FILE", dir.resolve("v".repeat(300) + ".db").toString());
        Result tooLong =
                cli.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(tooLong.code()).as(tooLong.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLong.err()).contains("cannot write").doesNotContain("internal error");
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing left behind").containsExactly(file);
        }
    }

    @Test
    @DisplayName("a path longer than the vault's database takes is exit 2 naming the file, in English and Japanese")
    void pathTooLongForSqlite() throws Exception {
        // each name within the system's limit, the whole path over SQLite's (512 bytes)
        Path deep = Files.createDirectories(
                dir.resolve("a".repeat(200)).resolve("b".repeat(200)).resolve("d".repeat(200)));
        Path vault = deep.resolve("vault.db");
        cli.env.put("VAULT_FILE", vault.toString());
        String[] init = Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF);
        Result en = cli.run(Cli.MASTER + "\n", init);
        assertThat(en.code()).as(en.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err())
                .isEqualTo("vault: cannot write " + vault
                        + ": it could not be opened (its path or its name may be too long)\n");
        Result ja = cli.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--lang", "ja"}, init));
        assertThat(ja.code()).as(ja.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(ja.err()).isEqualTo("vault: " + vault + " に書き込めません。ファイルを開けませんでした（パスかファイル名が長すぎる可能性があります）。\n");
        try (var left = Files.list(deep)) {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }

    @Test
    @DisplayName("refuses parameters below the floor, or only some of them")
    void badParameters() {
        Result low = cli.run(
                Cli.MASTER + "\n",
                "--password-stdin",
                "init",
                "--kdf-memory",
                "32",
                "--kdf-iterations",
                "3",
                "--kdf-parallelism",
                "4");
        assertThat(low.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(low.err()).contains("at least 64 MiB");
        Result partial = cli.run(Cli.MASTER + "\n", "--password-stdin", "init", "--kdf-memory", "64");
        assertThat(partial.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(cli.vault)).isFalse();
    }

    @Test
    @DisplayName("at a terminal asks twice, and two different entries create nothing")
    void twice() {
        ScriptedTerminal terminal = new ScriptedTerminal("one", "two");
        cli.terminal = terminal;
        Result r = cli.run("", Cli.concat(new String[] {"init"}, Cli.FLOOR_KDF));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(terminal.prompts).hasSize(2);
        assertThat(Files.exists(cli.vault)).isFalse();

        cli.terminal = new ScriptedTerminal("same", "same");
        assertThat(cli.run("", Cli.concat(new String[] {"init"}, Cli.FLOOR_KDF)).code())
                .isZero();
    }

    @Test
    @DisplayName("refuses an empty master password")
    void empty() {
        Result r = cli.run("\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(cli.vault)).isFalse();
    }

    @Nested
    @DisplayName("with a weak master password")
    class WeakMasterPassword {
        /** zxcvbn score 1: a name and a year. */
        static final String WEAK = "tanaka1987";

        private Result init(String master, String... options) {
            String[] args = Cli.concat(Cli.concat(options, "--password-stdin", "init"), Cli.FLOOR_KDF);
            return cli.run(master + "\n", args);
        }

        @Test
        @DisplayName("creates the vault, exit 0, and warns on standard error with its score and what to do instead")
        void warnsInEnglish() {
            Result r = init(WEAK);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(cli.run(WEAK + "\n", "--password-stdin", "list").code()).isZero();
            assertThat(r.err())
                    .isEqualTo("vault: warning: this master password is weak (strength 1 of 4): whoever gets a copy"
                            + " of the vault file can guess it quickly. A longer passphrase is much stronger, for"
                            + " example four or more random words; 'vault passwd' changes it.\n");
            assertThat(r.both()).doesNotContain("tanaka").doesNotContain("1987");
        }

        @Test
        @DisplayName("warns in Japanese with --lang ja")
        void warnsInJapanese() {
            Result r = init(WEAK, "--lang", "ja");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.exists(cli.vault)).isTrue();
            assertThat(r.err())
                    .startsWith("vault: 注意：このマスターパスワードは弱く（強度 1／4）")
                    .contains("単語を4つ以上")
                    .doesNotContain("weak");
            assertThat(r.both()).doesNotContain("tanaka").doesNotContain("1987");
        }

        @Test
        @DisplayName("prints the same standard output as with a strong one, which gets no warning")
        void standardOutputUnchanged() {
            Result weak = init(WEAK);
            Cli other = new Cli(dir.resolve("strong"));
            Result strong = other.run(
                    "kettle orbit sparrow lantern\n",
                    Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
            assertThat(strong.code()).as(strong.err()).isZero();
            assertThat(strong.err()).isEmpty();
            assertThat(weak.out().replace(cli.vault.toString(), "FILE"))
                    .isEqualTo(strong.out().replace(other.vault.toString(), "FILE"));
        }
    }
}
