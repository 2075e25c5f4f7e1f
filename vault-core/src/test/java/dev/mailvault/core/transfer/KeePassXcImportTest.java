package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static dev.mailvault.core.transfer.TransferFixtures.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.testing.TestVaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

class KeePassXcImportTest {
    static final Importer IMPORTER = new Importer(SERVERS);
    static final String HEADER =
            "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\"";

    @TempDir
    Path dir;

    /** One row as KeePassXC 2.7 writes it: every field quoted, quotes doubled. */
    static String row(String group, String title, String user, String password, String url, String notes) {
        return Stream.of(
                        group,
                        title,
                        user,
                        password,
                        url,
                        notes,
                        "",
                        "0",
                        "2025-01-10T08:30:00Z",
                        "2024-12-01T00:00:00Z")
                .map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }

    static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static ImportReport importCsv(VaultSession vault, byte[] content) {
        try (ImportPlan plan = IMPORTER.read(content, ImportFormat.KEEPASSXC_CSV, "export.csv")) {
            return plan.apply(vault);
        }
    }

    @Nested
    @DisplayName("a KeePassXC export with mail and other logins")
    @TestInstance(Lifecycle.PER_CLASS)
    class Recognition {
        VaultSession vault;
        ImportReport report;

        @BeforeAll
        void importSample(@TempDir Path vaultDir) {
            vault = TransferFixtures.emptyVault(vaultDir);
            report = importCsv(
                    vault,
                    csv(
                            row(
                                    "Passwords/Mail",
                                    "Gmail",
                                    "alice@gmail.com",
                                    "S3cr\"et,pw",
                                    "https://mail.google.com",
                                    ""),
                            row(
                                    "Passwords/Mail",
                                    "Work",
                                    "bob@example.org",
                                    "work-pw",
                                    "imaps://mail.example.org:993",
                                    "SMTP: smtp.example.org:587\nDesk phone 1234"),
                            row("Passwords", "Yahoo! メール", "taro@yahoo.co.jp", "ヤフー-pw", "", ""),
                            row("Passwords", "Bank", "bob", "bank-pw", "https://bank.example", ""),
                            row("Passwords", "Shop", "alice@gmail.com", "shop-pw", "https://shop.example.com", ""),
                            row("Passwords", "Webmail", "carol@example.net", "c-pw", "https://webmail.example.net", ""),
                            row("Passwords", "Forum", "dave@example.com", "forum-pw", "", ""),
                            row("Passwords", "Gmail again", "alice@gmail.com", "other", "", ""),
                            row("Passwords", "Empty", "erin@gmail.com", "", "", "")));
        }

        @AfterAll
        void close() {
            vault.close();
        }

        @Test
        @DisplayName("adds the mailboxes, with servers from the catalog or from the entry")
        void addsMailboxes() {
            assertThat(report.added())
                    .extracting(i -> i.address().value())
                    .containsExactly("alice@gmail.com", "bob@example.org", "taro@yahoo.co.jp");
            AccountInfo gmail = vault.account(Address.of("alice@gmail.com"));
            assertThat(gmail.spec().providerId()).isEqualTo("gmail");
            assertThat(gmail.spec().imap()).isEqualTo(Endpoint.parse("imap.gmail.com:993:tls"));
            assertThat(gmail.spec().displayName()).isEqualTo("Gmail");
            assertThat(reveal(vault, "alice@gmail.com", CredentialRef.IMAP)).isEqualTo("S3cr\"et,pw");

            AccountInfo work = vault.account(Address.of("bob@example.org"));
            assertThat(work.spec().providerId()).isEqualTo("generic");
            assertThat(work.spec().imap()).isEqualTo(Endpoint.parse("mail.example.org:993:tls"));
            assertThat(work.spec().smtp()).isEqualTo(Endpoint.parse("smtp.example.org:587:starttls"));
            assertThat(work.spec().notes()).isEqualTo("Desk phone 1234");

            AccountInfo yahoo = vault.account(Address.of("taro@yahoo.co.jp"));
            assertThat(yahoo.spec().imapLogin()).isEqualTo("taro");
            assertThat(yahoo.spec().displayName()).isEqualTo("Yahoo! メール");
            assertThat(reveal(vault, "taro@yahoo.co.jp", CredentialRef.IMAP)).isEqualTo("ヤフー-pw");
        }

        @Test
        @DisplayName("carries the entry's Last Modified over as the password's age")
        void keepsAge() {
            assertThat(vault.account(Address.of("alice@gmail.com"))
                            .imapCredential()
                            .changedAt())
                    .isEqualTo(Instant.parse("2025-01-10T08:30:00Z"));
        }

        @Test
        @DisplayName("skips every other entry with its reason")
        void skipsTheRest() {
            assertThat(report.skipped())
                    .extracting(Skipped::entry, Skipped::reason, Skipped::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Bank", SkipReason.NOT_MAIL, "bank.example"),
                            org.assertj.core.groups.Tuple.tuple("Shop", SkipReason.NOT_MAIL, "shop.example.com"),
                            org.assertj.core.groups.Tuple.tuple("Webmail", SkipReason.NO_SERVERS, ""),
                            org.assertj.core.groups.Tuple.tuple("Forum", SkipReason.NOT_MAIL, ""),
                            org.assertj.core.groups.Tuple.tuple(
                                    "Gmail again", SkipReason.DUPLICATE_IN_FILE, "line 2 (Gmail)"),
                            org.assertj.core.groups.Tuple.tuple("Empty", SkipReason.NO_PASSWORD, ""));
            assertThat(report.skipped().get(2).message(Locale.ENGLISH))
                    .startsWith("no mail servers known for this domain");
            assertThat(report.skipped().get(2).message(Locale.JAPANESE)).startsWith("このドメインのメールサーバーがわかりません");
            assertThat(report.skipped()).extracting(Skipped::source).contains("line 6", "line 11");
        }

        @Test
        @DisplayName("reports addresses already in the vault as skipped on a second import, not as an error")
        void secondImport() {
            ImportReport again = importCsv(vault, csv(row("Mail", "Gmail", "alice@gmail.com", "new", "", "")));
            assertThat(again.added()).isEmpty();
            assertThat(again.skipped()).extracting(Skipped::reason).containsExactly(SkipReason.ALREADY_IN_VAULT);
            assertThat(reveal(vault, "alice@gmail.com", CredentialRef.IMAP)).isEqualTo("S3cr\"et,pw");
        }
    }

    @Test
    @DisplayName("reads KeePassXC 2.6's six-column export too")
    void oldHeader() {
        String old = "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\"\n"
                + "\"Root\",\"Gmail\",\"alice@gmail.com\",\"pw\",\"\",\"\"\n";
        try (VaultSession vault = TransferFixtures.emptyVault(dir)) {
            ImportReport report = importCsv(vault, old.getBytes(StandardCharsets.UTF_8));
            assertThat(report.added()).extracting(i -> i.address().value()).containsExactly("alice@gmail.com");
        }
    }

    @Test
    @DisplayName("with the built-in provider catalog: servers and login names come from it")
    void builtInCatalog() {
        byte[] content = csv(
                row("Mail", "Gmail", "alice@gmail.com", "g-pw", "", ""),
                row("Mail", "Yahoo", "taro@yahoo.co.jp", "y-pw", "", ""),
                row("Mail", "iCloud", "hanako@me.com", "i-pw", "https://www.icloud.com", ""),
                row("Web", "Portal", "x@example.com", "p", "https://www.example.com", ""));
        try (VaultSession vault = TransferFixtures.emptyVault(dir);
                ImportPlan plan = new Importer(ServerLookup.of(ProviderCatalog.builtIn()))
                        .read(content, ImportFormat.KEEPASSXC_CSV, "export.csv")) {
            ImportReport report = plan.apply(vault);
            assertThat(report.added()).hasSize(3);
            AccountInfo gmail = vault.account(Address.of("alice@gmail.com"));
            assertThat(gmail.spec().providerId()).isEqualTo("gmail");
            assertThat(gmail.spec().imap()).isEqualTo(Endpoint.parse("imap.gmail.com:993:tls"));
            AccountInfo yahoo = vault.account(Address.of("taro@yahoo.co.jp"));
            assertThat(yahoo.spec().providerId()).isEqualTo("yahoo-japan");
            assertThat(yahoo.spec().imapLogin()).isEqualTo("taro");
            AccountInfo icloud = vault.account(Address.of("hanako@me.com"));
            assertThat(icloud.spec().imapLogin()).isEqualTo("hanako");
            assertThat(icloud.spec().smtpLogin()).isEqualTo("hanako@me.com");
            assertThat(report.skipped()).extracting(Skipped::reason).containsExactly(SkipReason.NOT_MAIL);
        }
    }

    @Nested
    @DisplayName("a file that does not read")
    @TestInstance(Lifecycle.PER_CLASS)
    class Malformed {
        VaultSession vault;
        String before;

        @BeforeAll
        void seed(@TempDir Path vaultDir) {
            vault = TransferFixtures.emptyVault(vaultDir);
            vault.addAccount(TestVaults.spec("kept@example.net"), TestVaults.secret("kept"), null);
        }

        @BeforeEach
        void remember() {
            before = TransferFixtures.fileState(vault.file());
        }

        @AfterAll
        void close() {
            vault.close();
        }

        void refused(byte[] content, String... messageParts) {
            assertThatThrownBy(() -> importCsv(vault, content))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContainingAll(messageParts);
            assertThat(TransferFixtures.fileState(vault.file())).isEqualTo(before);
            assertThat(vault.accounts())
                    .extracting(AccountInfo::address)
                    .containsExactly(Address.of("kept@example.net"));
        }

        @Test
        @DisplayName("cut off inside a quoted field: refused with its line, nothing written")
        void truncated() {
            byte[] whole = csv(
                    row("Mail", "Gmail", "alice@gmail.com", "pw", "", ""),
                    row("Mail", "Work", "bob@example.org", "pw2", "imaps://mail.example.org", "a\nb"));
            String text = new String(whole, StandardCharsets.UTF_8);
            byte[] cut = text.substring(0, text.indexOf("a\nb") + 2).getBytes(StandardCharsets.UTF_8);
            refused(cut, "line 3", "not closed");
        }

        @Test
        @DisplayName("a mail URL with an invalid host: refused naming the file and the line")
        void invalidHost() {
            byte[] content = csv(
                    row("Mail", "Gmail", "alice@gmail.com", "pw", "", ""),
                    row("Mail", "Work", "bob@example.org", "pw2", "imaps://mai\t.example.org", ""));
            assertThatThrownBy(() -> importCsv(vault, content))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("export.csv: line 3: ")
                    .hasMessageContaining("invalid host name");
            refused(content, "line 3");
        }

        @Test
        @DisplayName("a row with missing fields: refused with its line even when earlier rows were fine")
        void shortRow() {
            byte[] content = (HEADER + "\n" + row("Mail", "Gmail", "alice@gmail.com", "pw", "", "") + "\n"
                            + "\"Mail\",\"Work\",\"bob@example.org\"\n")
                    .getBytes(StandardCharsets.UTF_8);
            refused(content, "line 3", "3 fields, expected 10");
        }

        @Test
        @DisplayName("a wrong header: refused at line 1 without echoing it")
        void wrongHeader() {
            byte[] content = "name,secret\nalice@gmail.com,hunter2\n".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> importCsv(vault, content)).hasMessageNotContaining("hunter2");
            refused(content, "line 1", "\"Group\",\"Title\"");
        }

        @Test
        @DisplayName("binary data: refused as not text")
        void binary() {
            byte[] content = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
            refused(content, "line 1", "not UTF-8");
            refused((HEADER + "\n\"a\0b\"").getBytes(StandardCharsets.UTF_8), "line 2", "U+0000");
        }

        @Test
        @DisplayName("an empty file: refused")
        void empty() {
            refused(new byte[0], "empty");
        }

        @Test
        @DisplayName("an invalid mail URL in a mail entry: refused with its line")
        void badPort() {
            refused(
                    csv(row("Mail", "Work", "bob@example.org", "pw", "imaps://mail.example.org:99999", "")),
                    "line 2",
                    "port");
        }

        @Test
        @DisplayName("a quote in the middle of a quoted field: refused with its line")
        void strayQuote() {
            byte[] content = (HEADER + "\n\"Mail\",\"x\"y\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\",\"\"\n")
                    .getBytes(StandardCharsets.UTF_8);
            refused(content, "line 2");
        }
    }

    @Test
    @DisplayName("a file path that is missing or a folder is refused")
    void missingFile() throws Exception {
        assertThatThrownBy(() -> IMPORTER.read(dir.resolve("nope.csv"), ImportFormat.KEEPASSXC_CSV))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no file");
        Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> IMPORTER.read(dir.resolve("folder"), ImportFormat.KEEPASSXC_CSV))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is a folder");
    }
}
