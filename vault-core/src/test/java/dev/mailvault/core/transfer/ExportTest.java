package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.testing.TestVaults;
import dev.mailvault.core.testing.VaultContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(Lifecycle.PER_CLASS)
class ExportTest {
    VaultSession vault;
    Path home;

    static final String CA_PEM =
            LocalCertificate.builder("dns:ca.example").build().pem();

    /**
     * A vault with every kind of record, plus an account with a display name, notes, its own CA
     * certificate and a Japanese secret.
     */
    @BeforeAll
    void fill(@TempDir Path dir) {
        home = dir;
        vault = TransferFixtures.emptyVault(dir);
        VaultContents.fill(vault);
        vault.addAccount(
                new AccountSpec(
                        Address.of("taro@yahoo.co.jp"),
                        "ヤフー \"main\"",
                        "yahoo-japan",
                        Endpoint.parse("imap.mail.yahoo.co.jp:993"),
                        Endpoint.parse("smtp.mail.yahoo.co.jp:465"),
                        "taro",
                        null,
                        true,
                        CA_PEM,
                        "first line, with a comma\nsecond \"line\"",
                        RotationPolicy.parse("90d")),
                TestVaults.secret("パスワード,\"x\"\n2"),
                null);
    }

    @AfterAll
    void close() {
        vault.close();
    }

    /** Every credential's value by account and credential. */
    static Map<String, String> secrets(VaultSession s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AccountInfo a : s.accounts()) {
            for (CredentialInfo c : a.credentials()) {
                try (Secret secret = s.secret(a.address(), c.ref())) {
                    out.put(a.address() + " " + c.ref(), new String(secret.revealChars()));
                }
            }
        }
        return out;
    }

    static List<AccountSpec> specs(VaultSession s) {
        return s.accounts().stream().map(AccountInfo::spec).toList();
    }

    @Nested
    @DisplayName("an encrypted backup")
    class Backup {
        @Test
        @DisplayName("opens as a vault with the same master password and holds the same accounts and secrets")
        void opens(@TempDir Path out) throws Exception {
            Path copy = out.resolve("backup.db");
            ExportResult result = Exporter.export(vault, ExportFormat.BACKUP, copy);
            assertThat(result.accounts()).isEqualTo(3);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                    .isEqualTo("rw-------");
            try (Secret m = TestVaults.master();
                    VaultSession opened = TransferFixtures.service(out).open(copy, m)) {
                assertThat(specs(opened)).isEqualTo(specs(vault));
                assertThat(secrets(opened)).isEqualTo(secrets(vault));
                assertThat(opened.devices()).hasSize(1);
                Address a = Address.of(VaultContents.ADDRESS);
                assertThat(opened.history(a, CredentialRef.IMAP)).hasSize(1);
                try (Secret pending =
                        opened.pendingSecret(a, CredentialRef.IMAP).orElseThrow()) {
                    assertThat(new String(pending.revealChars())).isEqualTo(VaultContents.PENDING_SECRET);
                }
            }
        }

        @Test
        @DisplayName("does not open with another password")
        void samePasswordOnly(@TempDir Path out) {
            Path copy = out.resolve("backup.db");
            Exporter.backup(vault, copy);
            try (Secret wrong = TestVaults.secret("not the master password")) {
                assertThatThrownBy(() -> TransferFixtures.service(out).open(copy, wrong))
                        .isInstanceOf(WrongMasterPasswordException.class);
            }
        }

        @Test
        @DisplayName("holds no secret or address in clear")
        void encrypted(@TempDir Path out) throws Exception {
            Path copy = out.resolve("backup.db");
            Exporter.backup(vault, copy);
            String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(VaultContents.SECRET, VaultContents.ADDRESS, "taro", "yahoo");
        }

        @Test
        @DisplayName("refuses to overwrite an existing file, and leaves it as it was")
        void noOverwrite(@TempDir Path out) throws Exception {
            Path existing = out.resolve("backup.db");
            Files.writeString(existing, "precious");
            assertThatThrownBy(() -> Exporter.backup(vault, existing))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("already exists");
            assertThat(Files.readString(existing)).isEqualTo("precious");
            assertThatThrownBy(() -> Exporter.backup(vault, out.resolve("missing/backup.db")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Nested
    @DisplayName("a KeePassXC CSV")
    class Csv {
        @Test
        @DisplayName("is created 0600 with KeePassXC's header and one row per credential")
        void layout(@TempDir Path out) throws Exception {
            Path csv = out.resolve("export.csv");
            ExportResult result = Exporter.export(vault, ExportFormat.KEEPASSXC_CSV, csv);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                    .isEqualTo("rw-------");
            String text = Files.readString(csv);
            assertThat(text)
                    .startsWith("\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\","
                            + "\"Last Modified\",\"Created\"\n");
            int credentials = vault.accounts().stream()
                    .mapToInt(a -> a.credentials().size())
                    .sum();
            assertThat(result.credentials()).isEqualTo(credentials).isEqualTo(6);
            assertThat(text)
                    .contains("\"Mail Vault\",\"ヤフー \"\"main\"\"\",\"taro\",\"パスワード,\"\"x\"\"\n2\","
                            + "\"imaps://imap.mail.yahoo.co.jp:993\"");
        }

        @Test
        @DisplayName("reads back through the importer into a new vault: same accounts, same secrets")
        void roundTrip(@TempDir Path out) {
            Path csv = out.resolve("export.csv");
            Exporter.keepassxcCsv(vault, csv);
            try (VaultSession fresh = TransferFixtures.emptyVault(out);
                    ImportPlan plan = new Importer(SERVERS).read(csv, ImportFormat.KEEPASSXC_CSV)) {
                ImportReport report = plan.apply(fresh);
                assertThat(report.skipped()).isEmpty();
                assertThat(report.added()).hasSize(3);
                assertThat(specs(fresh)).isEqualTo(specs(vault));
                assertThat(secrets(fresh)).isEqualTo(secrets(vault));
                for (AccountInfo a : vault.accounts()) {
                    for (CredentialInfo c : a.credentials()) {
                        assertThat(fresh.account(a.address())
                                        .credential(c.ref())
                                        .orElseThrow()
                                        .changedAt())
                                .isEqualTo(c.changedAt());
                    }
                }
            }
        }

        @Test
        @DisplayName("carries an account's CA certificate on one line; an account without one gets no such line")
        void caCertificateLine(@TempDir Path out) throws Exception {
            Path csv = out.resolve("export.csv");
            Exporter.keepassxcCsv(vault, csv);
            String text = Files.readString(csv);
            String encoded = Base64.getEncoder().encodeToString(CA_PEM.getBytes(StandardCharsets.UTF_8));
            assertThat(text)
                    .containsOnlyOnce("Mail Vault CA certificate: ")
                    .contains("Mail Vault CA certificate: " + encoded + "\"");
        }

        @Test
        @DisplayName("with a damaged CA certificate line: refused naming the file and the entry, nothing written")
        void damagedCaCertificate(@TempDir Path out) throws Exception {
            Path csv = out.resolve("export.csv");
            Exporter.keepassxcCsv(vault, csv);
            String text = Files.readString(csv);
            String key = "Mail Vault CA certificate: ";
            int start = text.indexOf(key) + key.length();
            int end = text.indexOf('"', start);
            String value = text.substring(start, end);
            String line = "line "
                    + (text.substring(0, text.indexOf("\"Mail Vault\",\"ヤフー"))
                                    .lines()
                                    .count()
                            + 1);
            Base64.Encoder b64 = Base64.getEncoder();
            List<String> damaged = List.of(
                    value.substring(0, value.length() / 2),
                    value.substring(0, 40) + "*" + value.substring(41),
                    b64.encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8)),
                    b64.encodeToString("-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n"
                            .getBytes(StandardCharsets.UTF_8)),
                    b64.encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0}));
            try (VaultSession fresh = TransferFixtures.emptyVault(out)) {
                String before = TransferFixtures.fileState(fresh.file());
                for (String bad : damaged) {
                    byte[] content =
                            (text.substring(0, start) + bad + text.substring(end)).getBytes(StandardCharsets.UTF_8);
                    assertThatThrownBy(() -> {
                                try (ImportPlan plan =
                                        new Importer(SERVERS).read(content, ImportFormat.KEEPASSXC_CSV, "export.csv")) {
                                    plan.apply(fresh);
                                }
                            })
                            .as(bad)
                            .isInstanceOf(BadInputException.class)
                            .hasMessageStartingWith("export.csv: " + line + ": ")
                            .hasMessageContaining("ca certificate");
                    assertThat(fresh.accounts()).isEmpty();
                    assertThat(TransferFixtures.fileState(fresh.file())).isEqualTo(before);
                }
            }
        }

        @Test
        @DisplayName("refuses to overwrite an existing file")
        void noOverwrite(@TempDir Path out) throws Exception {
            Path existing = out.resolve("export.csv");
            Files.writeString(existing, "precious");
            assertThatThrownBy(() -> Exporter.keepassxcCsv(vault, existing))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("already exists");
            assertThat(Files.readString(existing)).isEqualTo("precious");
        }
    }
}
