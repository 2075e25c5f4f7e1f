package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("vault import and vault export on a real vault file")
class TransferCommandsTest {
    /** An unencrypted Bitwarden export (Tools → Export vault → .json): two mail logins, a note, a shop. */
    static final String BITWARDEN = """
            {
              "encrypted": false,
              "folders": [],
              "items": [
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000001",
                  "type": 1,
                  "name": "iCloud Mail",
                  "login": {
                    "uris": [ { "match": null, "uri": "https://www.icloud.com/mail" } ],
                    "username": "hanako@icloud.com",
                    "password": "abcd-efgh-ijkl-mnop"
                  }
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000002",
                  "type": 1,
                  "name": "Self-hosted",
                  "fields": [ { "name": "SMTP", "value": "submission://mx.example.org", "type": 0 } ],
                  "login": {
                    "uris": [ { "match": null, "uri": "imaps://mx.example.org" } ],
                    "username": "ken@example.org",
                    "password": "self-hosted pw"
                  }
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000003",
                  "type": 2,
                  "name": "Recovery codes",
                  "notes": "1234 5678",
                  "secureNote": { "type": 0 }
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000004",
                  "type": 1,
                  "name": "Amazon",
                  "login": {
                    "uris": [ { "match": null, "uri": "https://www.amazon.co.jp" } ],
                    "username": "hanako@icloud.com",
                    "password": "shopping"
                  }
                }
              ]
            }
            """;

    /** A Thunderbird profile's prefs.js with two IMAP accounts; Thunderbird keeps their passwords elsewhere. */
    static final String PREFS = """
            user_pref("mail.account.account1.identities", "id1");
            user_pref("mail.account.account1.server", "server1");
            user_pref("mail.account.account2.identities", "id2");
            user_pref("mail.account.account2.server", "server2");
            user_pref("mail.accountmanager.accounts", "account1,account2");
            user_pref("mail.identity.id1.smtpServer", "smtp1");
            user_pref("mail.identity.id1.useremail", "hanako@example.jp");
            user_pref("mail.identity.id2.useremail", "taro@gmail.com");
            user_pref("mail.server.server1.hostname", "mail.example.jp");
            user_pref("mail.server.server1.port", 993);
            user_pref("mail.server.server1.socketType", 3);
            user_pref("mail.server.server1.type", "imap");
            user_pref("mail.server.server1.userName", "hanako");
            user_pref("mail.server.server2.hostname", "imap.gmail.com");
            user_pref("mail.server.server2.port", 993);
            user_pref("mail.server.server2.socketType", 3);
            user_pref("mail.server.server2.type", "imap");
            user_pref("mail.server.server2.userName", "taro@gmail.com");
            user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.jp");
            user_pref("mail.smtpserver.smtp1.port", 587);
            user_pref("mail.smtpserver.smtp1.try_ssl", 2);
            user_pref("mail.smtpserver.smtp1.username", "hanako");
            user_pref("mail.smtpservers", "smtp1");
            """;

    /** A vault with one account, for the exports. */
    private static Cli withAccount;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeAll
    static void template() {
        withAccount = Cli.withEmptyVault(shared);
        Result r = withAccount.unlockedWith(
                "secret-1\n",
                "add",
                "taro@example.jp",
                "--imap",
                "imap.example.jp:993",
                "--smtp",
                "smtp.example.jp:587");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @BeforeEach
    void vault() {
        cli = Cli.withEmptyVault(dir);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Nested
    @DisplayName("import")
    class Import {
        @Test
        @DisplayName("of a Bitwarden export adds the mail logins and says why the rest was skipped")
        void bitwarden() throws Exception {
            Path file = write("bitwarden.json", BITWARDEN);
            Result r = cli.unlocked("import", file.toString(), "--format", "bitwarden-json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Added 2 accounts from " + file, "hanako@icloud.com", "ken@example.org");
            assertThat(r.out()).contains("Skipped 2 entries:", "Recovery codes", "Amazon");
            assertThat(r.out()).doesNotContain("abcd-efgh", "shopping");
            assertThat(cli.unlocked("get", "hanako@icloud.com").out()).isEqualTo("abcd-efgh-ijkl-mnop\n");
            assertThat(cli.unlocked("show", "hanako@icloud.com").out()).contains("imap.mail.me.com");
        }

        @Test
        @DisplayName("in Japanese says where each entry is in Japanese too")
        void bitwardenJapanese() throws Exception {
            Path file = write("bitwarden.json", BITWARDEN);
            Result r = cli.unlocked("--lang", "ja", "import", file.toString(), "--format", "bitwarden-json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("1 件目", "2 件目", "3 件目", "4 件目").doesNotContain("item ");
        }

        @Test
        @DisplayName("a second time skips what is already in the vault")
        void again() throws Exception {
            Path file = write("bitwarden.json", BITWARDEN);
            cli.unlocked("import", file.toString(), "--format", "bitwarden-json");
            Result r = cli.unlocked("import", file.toString(), "--format", "bitwarden-json");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Added nothing from " + file, "Skipped 4 entries:");
        }

        @Test
        @DisplayName("of a malformed file is exit 2 with the line, before any password, and the vault unchanged")
        void malformed() throws Exception {
            Path file = write("broken.json", BITWARDEN.substring(0, BITWARDEN.indexOf("\"Self-hosted\"")));
            byte[] before = cli.vaultBytes();
            Result r = cli.run("", "import", file.toString(), "--format", "bitwarden-json");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("vault: cannot import: " + file).contains("line");
            assertThat(r.err()).doesNotContain("abcd-efgh");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("a name with an escape sequence or a line break in the file reaches the terminal harmless, in the"
                + " import's tables and in show")
        void controlCharactersInNames() throws Exception {
            Path file = write("control.json", """
                    {"encrypted": false, "items": [
                     {"id": "1", "type": 2, "name": "Note\\u001b[2Jx\\nline2", "notes": "x"},
                     {"id": "2", "type": 1, "name": "Mail\\u001b[31m", "notes": "IMAP: imap.example.jp:993\\nSMTP: smtp.example.jp:465",
                      "login": {"username": "ctl@example.jp", "password": "Ctl-Secret-81x", "uris": []}}
                    ]}
                    """);
            Result r = cli.unlocked("import", file.toString(), "--format", "bitwarden-json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("\u001b").contains("Note [2Jx line2  ");
            Result show = cli.unlocked("show", "ctl@example.jp");
            assertThat(show.out()).startsWith("ctl@example.jp (Mail [31m)\n").doesNotContain("\u001b");
        }

        @Test
        @DisplayName("refuses an unknown format, naming the ones there are")
        void unknownFormat() throws Exception {
            Path file = write("x.csv", "a,b\n");
            Result r = cli.run("", "import", file.toString(), "--format", "lastpass");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("keepassxc-csv, bitwarden-json, thunderbird");
        }

        @Test
        @DisplayName("of a Thunderbird profile reads each password from the next line; an empty line skips")
        void thunderbird() throws Exception {
            Path profile = dir.resolve("abcd.default-release");
            Files.createDirectories(profile);
            Files.writeString(profile.resolve("prefs.js"), PREFS, StandardCharsets.UTF_8);
            Result r = cli.unlockedWith("hanako-pw\n\n", "import", profile.toString(), "--format", "thunderbird");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Added 1 account", "hanako@example.jp", "Skipped 1 entry:", "account2");
            assertThat(cli.unlocked("get", "hanako@example.jp").out()).isEqualTo("hanako-pw\n");
            assertThat(cli.unlocked("list").out()).doesNotContain("taro@gmail.com");
        }

        @Test
        @DisplayName("of a Thunderbird profile at a terminal asks each password without echo, twice")
        void thunderbirdTerminal() throws Exception {
            Path profile = dir.resolve("abcd.default-release");
            Files.createDirectories(profile);
            Files.writeString(profile.resolve("prefs.js"), PREFS, StandardCharsets.UTF_8);
            ScriptedTerminal person = new ScriptedTerminal(Cli.MASTER, "h-pw", "h-pw", "t-pw", "t-pw");
            cli.terminal = person;
            Result r = cli.run("", "import", profile.toString(), "--format", "thunderbird");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(person.allAnswered()).isTrue();
            assertThat(person.echoed).containsOnly(false);
            assertThat(person.prompts.get(1)).contains("IMAP password for hanako@example.jp");
            assertThat(r.out()).contains("Added 2 accounts");
        }
    }

    @Nested
    @DisplayName("export")
    class Export {
        @BeforeEach
        void account() throws Exception {
            cli = withAccount.copyTo(Files.createDirectory(dir.resolve("exports")));
        }

        @Test
        @DisplayName("backup writes a copy that opens as a vault with the same master password")
        void backup() {
            Path backup = dir.resolve("backup.db");
            Result r = cli.unlocked("export", "--format", "backup", backup.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("encrypted backup of 1 account");
            Result opened = cli.unlocked("--vault", backup.toString(), "get", "taro@example.jp");
            assertThat(opened.code()).as(opened.err()).isZero();
            assertThat(opened.out()).isEqualTo("secret-1\n");
        }

        @Test
        @DisplayName("never overwrites a file, and says so before asking for the password")
        void existing() throws Exception {
            Path target = write("taken.db", "mine");
            Result r = cli.run("", "export", "--format", "backup", target.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("already exists");
            assertThat(Files.readString(target)).isEqualTo("mine");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"backup", "keepassxc-csv"})
        @DisplayName("a FILE the system will not make is exit 2 naming it and why, not an internal error")
        void cannotWrite(String format) {
            // one character over the longest name a file may have: refused even to root
            Path target = dir.resolve("b".repeat(256));
            Result r = cli.unlockedWith(Cli.MASTER + "\n", "export", "--format", format, "--yes", target.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("vault: cannot write " + target + ": file name too long\n");
        }

        @Test
        @DisplayName(
                "backup to a FILE SQLite cannot open is exit 2 naming the copy, not the vault, in English and Japanese")
        void backupCannotOpen() {
            // the longest name a file may have less what SQLite adds for the copy's journal
            Path target = dir.resolve("c".repeat(247) + ".db");
            byte[] before = cli.vaultBytes();
            Result en = cli.unlocked("export", "--format", "backup", target.toString());
            assertThat(en.code()).as(en.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(en.err())
                    .isEqualTo("vault: cannot write " + target
                            + ": it could not be opened (its path or its name may be too long)\n");
            Result ja = cli.unlocked("--lang", "ja", "export", "--format", "backup", target.toString());
            assertThat(ja.code()).as(ja.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(ja.err()).isEqualTo("vault: " + target + " に書き込めません。ファイルを開けませんでした（パスかファイル名が長すぎる可能性があります）。\n");
            assertThat(target).as("no half copy").doesNotExist();
            assertThat(cli.vaultBytes()).as("the vault as it was").isEqualTo(before);
        }

        @Test
        @DisplayName("keepassxc-csv without a terminal and without --yes is refused, nothing written")
        void plaintextNeedsYes() {
            Path csv = dir.resolve("out.csv");
            Result r = cli.unlockedWith(Cli.MASTER + "\n", "export", "--format", "keepassxc-csv", csv.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("add --yes");
            assertThat(csv).doesNotExist();
        }

        @Test
        @DisplayName("keepassxc-csv at a terminal answered no writes nothing")
        void plaintextDeclined() {
            Path csv = dir.resolve("out.csv");
            ScriptedTerminal person = new ScriptedTerminal("n");
            cli.terminal = person;
            Result r = cli.run("", "export", "--format", "keepassxc-csv", csv.toString());
            assertThat(r.code()).isZero();
            assertThat(person.prompts.get(0)).contains("plain text", "[y/N]");
            assertThat(r.out()).contains("Nothing was written.");
            assertThat(csv).doesNotExist();
        }

        @Test
        @DisplayName("keepassxc-csv at a terminal: confirmed, then the master password twice, writes a 0600 file")
        void plaintextAtTerminal() throws Exception {
            Path csv = dir.resolve("out.csv");
            ScriptedTerminal person = new ScriptedTerminal("y", Cli.MASTER, Cli.MASTER);
            cli.terminal = person;
            Result r = cli.run("", "export", "--format", "keepassxc-csv", csv.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(person.prompts.get(2)).contains("Master password again");
            assertThat(Files.readString(csv)).contains("secret-1", "taro@example.jp");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                    .isEqualTo("rw-------");
            assertThat(r.err()).contains("plain text");
        }

        @Test
        @DisplayName("keepassxc-csv with a different second master password is exit 3, nothing written")
        void plaintextWrongSecond() {
            Path csv = dir.resolve("out.csv");
            cli.terminal = new ScriptedTerminal("y", Cli.MASTER, "something else");
            Result r = cli.run("", "export", "--format", "keepassxc-csv", csv.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.WRONG_MASTER_PASSWORD);
            assertThat(csv).doesNotExist();
        }

        @Test
        @DisplayName("keepassxc-csv in a script needs --yes and the master password on a second line")
        void plaintextScripted() throws Exception {
            Path csv = dir.resolve("out.csv");
            Result once = cli.unlockedWith("", "export", "--format", "keepassxc-csv", "--yes", csv.toString());
            assertThat(once.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(csv).doesNotExist();
            Result twice =
                    cli.unlockedWith(Cli.MASTER + "\n", "export", "--format", "keepassxc-csv", "--yes", csv.toString());
            assertThat(twice.code()).as(twice.err()).isZero();
            assertThat(twice.out()).contains("Wrote 1 password of 1 account in plain text");
            assertThat(Files.readString(csv)).contains("secret-1");
        }
    }

    @Test
    @DisplayName("vault ui outside the launcher says how to start the app (exit 2); the help lists it")
    void ui() {
        Result r = cli.run("", "ui");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("./vault ui");
        assertThat(cli.run("", "--help").out()).contains("ui", "Open the desktop app.");
    }
}
