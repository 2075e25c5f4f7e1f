package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import dev.mailvault.cli.input.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Exit codes and the one-line errors behind them")
class ExitCodesTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withEmptyVault(dir);
    }

    @Nested
    @DisplayName("2: usage or bad input")
    class Usage {
        @Test
        @DisplayName("an unknown flag, with a hint where to look")
        void unknownFlag() {
            Result r = cli.run("", "list", "--no-such-flag");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo("vault: unknown option '--no-such-flag'. Run 'vault list --help' for the options.");
        }

        @Test
        @DisplayName("an unknown command is called one, at the top and under a command that has commands")
        void unknownCommand() {
            Result r = cli.run("", "frobnicate");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("vault: unknown command 'frobnicate'.")
                    .endsWith(" Run 'vault --help' for the options.\n");
            Result device = cli.run("", "--lang", "ja", "device", "frobnicate");
            assertThat(device.code()).isEqualTo(2);
            assertThat(device.err())
                    .startsWith("vault: 'frobnicate' というコマンドはありません。")
                    .endsWith("オプションは 'vault device --help' で確認できます。\n");
            // a word after a command that takes no further command stays an unexpected argument
            assertThat(cli.run("", "list", "extra").err())
                    .isEqualTo("vault: unexpected argument 'extra'. Run 'vault list --help' for the options.\n");
        }

        @Test
        @DisplayName("a missing argument")
        void missingArgument() {
            Result r = cli.run("", "get");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("missing ADDRESS");
        }

        @Test
        @DisplayName("an option given without its value is told apart from an option left out")
        void optionWithoutValue() {
            Result r = cli.run("", "add", "taro@example.jp", "--imap");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo("vault: --imap needs a value (HOST:PORT[:tls|starttls])."
                            + " Run 'vault add --help' for the options.");
            assertThat(cli.run("", "verify", "--parallel").err()).contains("--parallel needs a value (N).");
            // after "--" the same word is an argument, not the option
            assertThat(cli.run("", "get", "--").err()).contains("missing ADDRESS.");
        }

        @Test
        @DisplayName("a number out of its range is named as typed, without a thousands separator, in either language")
        void numberOutOfRangeAsTyped() {
            Result unlockMs = cli.unlocked("passwd", "--unlock-ms", "60001");
            assertThat(unlockMs.code()).isEqualTo(2);
            assertThat(unlockMs.err()).isEqualTo("vault: --unlock-ms must be between 100 and 60000, not 60001.\n");
            Result parallel = cli.unlocked("--lang", "ja", "verify", "--all", "--parallel", "1000");
            assertThat(parallel.code()).isEqualTo(2);
            assertThat(parallel.err()).isEqualTo("vault: --parallel は 1 から 256 の間で指定してください（1000 は使えません）。\n");
            assertThat(cli.unlocked("verify", "--all", "--per-host", "9999").err())
                    .isEqualTo("vault: --per-host must be between 1 and 64, not 9999.\n");
            assertThat(cli.unlockedWith(
                                    "Taro-Pass-4417\n",
                                    "add",
                                    "taro@example.jp",
                                    "--imap",
                                    "imap.example.jp:993",
                                    "--smtp",
                                    "smtp.example.jp:587")
                            .code())
                    .isZero();
            Result length = cli.unlocked("rotate", "taro@example.jp", "--generate", "--length", "12345");
            assertThat(length.code()).isEqualTo(2);
            assertThat(length.err())
                    .isEqualTo("vault: Other mail provider accepts passwords of 12 to 64 characters, not 12345.\n");
        }

        @Test
        @DisplayName("no command at all shows the usage on standard error")
        void noCommand() {
            Result r = cli.run("");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("Usage: vault");
        }

        @Test
        @DisplayName("an unknown --lang")
        void badLang() {
            assertThat(cli.run("", "--lang", "fr", "list").code()).isEqualTo(2);
        }

        @Test
        @DisplayName("no terminal and no password option")
        void noTerminal() {
            Result r = cli.run("", "list");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--password-file FILE or --password-stdin");
        }

        @Test
        @DisplayName("an endless line on standard input (/dev/zero) is bad input at 64 KiB: exit 2, in both languages")
        void endlessLine() {
            InputStream zeros = new InputStream() {
                @Override
                public int read() {
                    return 0;
                }
            };
            assertListFromStdin(
                    zeros,
                    "vault: a line of the input is longer than 64 KiB; nothing was saved.\n",
                    "vault: 入力の 1 行が 64 KiB を超えています。何も保存していません。\n");
        }

        @Test
        @DisplayName(
                "standard input that cannot be read (a folder): exit 2 with the system's reason, in English and Japanese")
        void unreadableInput() {
            InputStream folder = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("Is a directory");
                }
            };
            assertListFromStdin(
                    folder,
                    "vault: the input cannot be read (Is a directory); nothing was saved.\n",
                    "vault: 入力を読めません（Is a directory）。何も保存していません。\n");
        }

        /** {@code list --password-stdin} reading {@code stdin} is exit 2 with exactly these lines. */
        private void assertListFromStdin(InputStream stdin, String english, String japanese) {
            for (String lang : new String[] {"en", "ja"}) {
                StringWriter err = new StringWriter();
                CliContext context = new CliContext(
                        stdin,
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true),
                        cli.terminal,
                        cli.env,
                        cli.service);
                int code = new VaultCli(context).run("--lang", lang, "--password-stdin", "list");
                assertThat(code).as(err.toString()).isEqualTo(2);
                assertThat(err.toString()).isEqualTo(lang.equals("en") ? english : japanese);
            }
        }

        @Test
        @DisplayName("both password options")
        void bothSources() throws Exception {
            Path file = passwordFile("rw-------");
            assertThat(cli.unlocked("--password-file", file.toString(), "list").code())
                    .isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("--password-file")
    class PasswordFile {
        @Test
        @DisplayName("is refused with mode 0644, saying which modes are allowed")
        void mode644() throws Exception {
            Path file = passwordFile("rw-r--r--");
            Result r = cli.run("", "--password-file", file.toString(), "list");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("mode 0644").contains("0600 or 0400");
        }

        @Test
        @DisplayName("is accepted with mode 0600 and 0400")
        void accepted() throws Exception {
            assertThat(cli.run("", "--password-file", passwordFile("rw-------").toString(), "list")
                            .code())
                    .isZero();
            assertThat(cli.run("", "--password-file", passwordFile("r--------").toString(), "list")
                            .code())
                    .isZero();
        }

        @Test
        @DisplayName("through a symbolic link: the mode of the file it leads to counts, not the link's own")
        void symbolicLink() throws Exception {
            Path link = dir.resolve("link-to-master");
            Files.createSymbolicLink(link, passwordFile("rw-------"));
            Result r = cli.run("", "--password-file", link.toString(), "list");
            assertThat(r.code()).as(r.err()).isZero();

            Path open = dir.resolve("link-to-readable");
            Files.createSymbolicLink(open, passwordFile("rw-r--r--"));
            Result refused = cli.run("", "--password-file", open.toString(), "list");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("mode 0644").doesNotContain(Cli.MASTER);
        }

        @Test
        @DisplayName("that is not UTF-8, or whose first line is endless, is exit 2 naming the file")
        void notText() throws Exception {
            Path latin1 = passwordFile("rw-------");
            Files.write(latin1, new byte[] {'p', (byte) 0xe9, 'w', '\n'});
            Result r = cli.run("", "--password-file", latin1.toString(), "list");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("vault: the password file " + latin1 + " is not UTF-8 text.\n");

            Path endless = passwordFile("rw-------");
            Files.write(endless, new byte[LineReader.MAX_LINE_BYTES + 1]);
            Result ja = cli.run("", "--lang", "ja", "--password-file", endless.toString(), "list");
            assertThat(ja.code()).isEqualTo(2);
            assertThat(ja.err())
                    .isEqualTo("vault: パスワードファイル " + endless + " の1行目が 64 KiB を超えています。1行目にマスターパスワードを書いてください。\n");
        }

        @Test
        @DisplayName("that does not exist is exit 2")
        void missing() {
            Result r = cli.run("", "--password-file", dir.resolve("nope").toString(), "list");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("does not exist");
        }
    }

    @Test
    @DisplayName("3: a wrong master password, with the file's bytes unchanged")
    void wrongMaster() {
        byte[] before = cli.vaultBytes();
        Result r = cli.run(
                "not the master\nsecret\n",
                "--password-stdin",
                "add",
                "taro@example.jp",
                "--imap",
                "imap.example.jp:993",
                "--smtp",
                "smtp.example.jp:465");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("vault: wrong master password; nothing was changed. Try again.");
        assertThat(cli.vaultBytes()).isEqualTo(before);
    }

    @Nested
    @DisplayName("4: vault unavailable")
    class Unavailable {
        @Test
        @DisplayName("a missing vault is reported before asking for a password")
        void missing() {
            Cli nowhere = new Cli(dir.resolve("empty"));
            Result r = nowhere.run("", "list");
            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("no vault at").contains("vault init");
        }

        @Test
        @DisplayName("a file that is not a vault")
        void notAVault() throws Exception {
            Files.write(cli.vault, new byte[4096]);
            assertThat(cli.unlocked("list").code()).isEqualTo(4);
        }

        @Test
        @DisplayName("a full disk says so, in English and Japanese, and what to do; not an internal error")
        void diskFull() {
            cli.service = () -> {
                // what the core throws when SQLite finds no room for a change (see DiskFullTest)
                throw new dev.mailvault.core.VaultUnavailableException(
                        dev.mailvault.core.VaultUnavailableException.Reason.DISK_FULL,
                        "the disk holding " + cli.vault
                                + " is full; nothing was saved (free some space and try again)");
            };
            Result r = cli.unlocked("list");
            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err())
                    .isEqualTo("vault: the disk holding the vault " + cli.vault
                            + " is full; nothing was saved. Free some space and try again.\n");
            Result ja = cli.unlocked("--lang", "ja", "list");
            assertThat(ja.code()).isEqualTo(4);
            assertThat(ja.err())
                    .isEqualTo("vault: 保管庫 " + cli.vault + " のあるディスクがいっぱいです。何も保存していません。空き容量を作ってから、もう一度お試しください。\n");
        }

        @Test
        @DisplayName("a damaged vault, with its bytes unchanged")
        void damaged() throws Exception {
            byte[] bytes = cli.vaultBytes();
            byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 3);
            Files.write(cli.vault, cut);
            Result r = cli.unlocked("list");
            assertThat(r.code()).as(r.err()).isEqualTo(4);
            assertThat(cli.vaultBytes()).isEqualTo(cut);
        }
    }

    @Test
    @DisplayName("70: an internal failure prints its type only, and the stack trace only with --debug")
    void internal() {
        cli.service = () -> {
            throw new IllegalStateException("detail that may not be shown");
        };
        Result r = cli.unlocked("list");
        assertThat(r.code()).isEqualTo(70);
        assertThat(r.err())
                .contains("internal error (java.lang.IllegalStateException)")
                .doesNotContain("detail that may not be shown")
                .doesNotContain("\tat ");
        Result debug = cli.unlocked("--debug", "list");
        assertThat(debug.code()).isEqualTo(70);
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    @DisplayName("the mapping itself: one place for every code")
    void mapping() {
        assertThat(ExitCodes.of(new dev.mailvault.core.NotFoundException("x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new dev.mailvault.core.BadInputException("x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new dev.mailvault.core.WrongMasterPasswordException()))
                .isEqualTo(3);
        assertThat(ExitCodes.of(new dev.mailvault.core.VaultUnavailableException(
                        dev.mailvault.core.VaultUnavailableException.Reason.TAMPERED, "x")))
                .isEqualTo(4);
        assertThat(ExitCodes.of(new dev.mailvault.core.VaultException("x"))).isEqualTo(70);
        assertThat(ExitCodes.of(new NullPointerException())).isEqualTo(70);
    }

    private Path passwordFile(String mode) throws Exception {
        Path file = Files.createTempFile(dir, "master", ".txt");
        Files.writeString(file, Cli.MASTER + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
