package dev.mailvault.core.transfer;

import static dev.mailvault.core.transfer.TransferFixtures.SERVERS;
import static dev.mailvault.core.transfer.TransferFixtures.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.testing.TestVaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

class BitwardenImportTest {
    static final Importer IMPORTER = new Importer(SERVERS);

    /** An unencrypted export in Bitwarden's documented layout (Tools → Export vault → .json). */
    static final String SAMPLE = """
            {
              "encrypted": false,
              "folders": [
                { "id": "5b1e5c1a-1111-4c1b-9a7e-000000000001", "name": "Mail" }
              ],
              "items": [
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000001",
                  "organizationId": null,
                  "folderId": "5b1e5c1a-1111-4c1b-9a7e-000000000001",
                  "type": 1,
                  "reprompt": 0,
                  "name": "iCloud Mail",
                  "notes": "app password made for Mail Vault",
                  "favorite": false,
                  "login": {
                    "uris": [ { "match": null, "uri": "https://www.icloud.com/mail" } ],
                    "username": "hanako@icloud.com",
                    "password": "abcd-efgh-ijkl-mnop",
                    "totp": null,
                    "passwordRevisionDate": "2025-06-01T12:00:00.000Z"
                  },
                  "collectionIds": null,
                  "revisionDate": "2025-07-01T12:00:00.000Z",
                  "creationDate": "2024-01-01T00:00:00.000Z",
                  "deletedDate": null
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000002",
                  "organizationId": null,
                  "folderId": null,
                  "type": 1,
                  "reprompt": 0,
                  "name": "Self-hosted",
                  "notes": null,
                  "favorite": false,
                  "fields": [
                    { "name": "SMTP", "value": "submission://mx.example.org", "type": 0, "linkedId": null },
                    { "name": "PIN", "value": "0000", "type": 1, "linkedId": null }
                  ],
                  "login": {
                    "uris": [ { "match": null, "uri": "imaps://mx.example.org" } ],
                    "username": "ken",
                    "password": "p\\u00e4ss \\"quoted\\"",
                    "totp": null
                  },
                  "collectionIds": null,
                  "revisionDate": "2025-02-03T04:05:06.789Z",
                  "creationDate": "2025-02-03T04:05:06.789Z",
                  "deletedDate": null
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000003",
                  "organizationId": null,
                  "folderId": null,
                  "type": 2,
                  "reprompt": 0,
                  "name": "Recovery codes",
                  "notes": "1234 5678",
                  "favorite": false,
                  "secureNote": { "type": 0 },
                  "collectionIds": null,
                  "revisionDate": "2025-02-03T04:05:06.789Z",
                  "creationDate": "2025-02-03T04:05:06.789Z",
                  "deletedDate": null
                },
                {
                  "id": "0a1b2c3d-0000-4000-8000-000000000004",
                  "organizationId": null,
                  "folderId": null,
                  "type": 1,
                  "reprompt": 0,
                  "name": "Amazon",
                  "notes": null,
                  "favorite": false,
                  "login": {
                    "uris": [ { "match": null, "uri": "https://www.amazon.co.jp" } ],
                    "username": "hanako@icloud.com",
                    "password": "shopping",
                    "totp": null
                  },
                  "collectionIds": null,
                  "revisionDate": "2025-02-03T04:05:06.789Z",
                  "creationDate": "2025-02-03T04:05:06.789Z",
                  "deletedDate": null
                }
              ]
            }
            """;

    static ImportReport importJson(VaultSession vault, String json) {
        try (ImportPlan plan =
                IMPORTER.read(json.getBytes(StandardCharsets.UTF_8), ImportFormat.BITWARDEN_JSON, "bitwarden.json")) {
            return plan.apply(vault);
        }
    }

    @Nested
    @DisplayName("an unencrypted Bitwarden export")
    @TestInstance(Lifecycle.PER_CLASS)
    class Sample {
        VaultSession vault;
        ImportReport report;

        @BeforeAll
        void importSample(@TempDir Path dir) {
            vault = TransferFixtures.emptyVault(dir);
            report = importJson(vault, SAMPLE);
        }

        @AfterAll
        void close() {
            vault.close();
        }

        @Test
        @DisplayName("adds the mail logins with their passwords and password dates")
        void adds() {
            assertThat(report.added())
                    .extracting(Imported::source, i -> i.address().value())
                    .containsExactly(tuple("item 1", "hanako@icloud.com"));
            AccountInfo icloud = vault.account(Address.of("hanako@icloud.com"));
            assertThat(icloud.spec().providerId()).isEqualTo("icloud");
            assertThat(icloud.spec().imapLogin()).isEqualTo("hanako");
            assertThat(icloud.spec().smtpLogin()).isEqualTo("hanako@icloud.com");
            assertThat(icloud.spec().notes()).isEqualTo("app password made for Mail Vault");
            assertThat(icloud.imapCredential().changedAt()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
            assertThat(reveal(vault, "hanako@icloud.com", CredentialRef.IMAP)).isEqualTo("abcd-efgh-ijkl-mnop");
        }

        @Test
        @DisplayName("skips a login without an address, a secure note, and a shop login that uses the address")
        void skips() {
            assertThat(report.skipped())
                    .extracting(Skipped::source, Skipped::reason, Skipped::detail)
                    .containsExactlyInAnyOrder(
                            tuple("item 2", SkipReason.NO_ADDRESS, ""),
                            tuple("item 3", SkipReason.NOT_A_LOGIN, "secure note"),
                            tuple("item 4", SkipReason.NOT_MAIL, "www.amazon.co.jp"));
        }
    }

    @Test
    @DisplayName("reads servers from URIs and custom fields, and the password without loss")
    void serversFromFields(@TempDir Path dir) {
        String json = SAMPLE.replace("\"username\": \"ken\"", "\"username\": \"ken@example.org\"");
        try (VaultSession vault = TransferFixtures.emptyVault(dir)) {
            importJson(vault, json);
            AccountInfo ken = vault.account(Address.of("ken@example.org"));
            assertThat(ken.spec().imap()).isEqualTo(Endpoint.parse("mx.example.org:993:tls"));
            assertThat(ken.spec().smtp()).isEqualTo(Endpoint.parse("mx.example.org:587:starttls"));
            assertThat(ken.imapCredential().changedAt()).isEqualTo(Instant.parse("2025-02-03T04:05:06.789Z"));
            assertThat(reveal(vault, "ken@example.org", CredentialRef.IMAP)).isEqualTo("päss \"quoted\"");
        }
    }

    @Nested
    @DisplayName("a file that does not read")
    @TestInstance(Lifecycle.PER_CLASS)
    class Malformed {
        VaultSession vault;
        String before;

        @BeforeAll
        void seed(@TempDir Path dir) {
            vault = TransferFixtures.emptyVault(dir);
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

        void refused(String json, String... messageParts) {
            assertThatThrownBy(() -> importJson(vault, json))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContainingAll(messageParts);
            assertThat(TransferFixtures.fileState(vault.file())).isEqualTo(before);
            assertThat(vault.accounts())
                    .extracting(AccountInfo::address)
                    .containsExactly(Address.of("kept@example.net"));
        }

        @Test
        @DisplayName("an encrypted export is refused with what to do instead")
        void encrypted() {
            refused("""
                    {"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.abc|def|ghi",
                     "folders": [], "items": [{"type": 1, "name": "2.x|y|z",
                     "login": {"username": "2.a|b|c", "password": "2.d|e|f"}}]}
                    """, "encrypted Bitwarden export", "not \".json (Encrypted)\"");
            refused("""
                    {"encrypted": true, "passwordProtected": true, "salt": "c2FsdA==", "kdfType": 0,
                     "kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "2.a|b|c", "data": "2.d|e|f"}
                    """, "encrypted Bitwarden export");
        }

        @Test
        @DisplayName("truncated JSON is refused with its line")
        void truncated() {
            String cut = SAMPLE.substring(0, SAMPLE.indexOf("\"Self-hosted\""));
            long lastLine = cut.chars().filter(c -> c == '\n').count() + 1;
            refused(cut, "line " + lastLine + ",", "not valid JSON");
        }

        @Test
        @DisplayName("an item of the wrong shape is refused with its number and line")
        void wrongShape() {
            refused(
                    SAMPLE.replace("\"password\": \"shopping\"", "\"password\": 42"),
                    "item 4 (line ",
                    "login.password");
            refused(SAMPLE.replace("\"type\": 2,", "\"type\": \"note\","), "item 3", "\"type\"");
            refused(
                    SAMPLE.replace(
                            "\"passwordRevisionDate\": \"2025-06-01T12:00:00.000Z\"",
                            "\"passwordRevisionDate\": \"yesterday\""),
                    "item 1",
                    "not a date");
        }

        @Test
        @DisplayName("other JSON, binary data and an empty file are refused")
        void notBitwarden() {
            refused("[1, 2, 3]", "not a Bitwarden export");
            refused("{\"folders\": []}", "no \"items\" list");
            refused("", "empty");
            refused("{\"items\": []} trailing", "line 1");
            refused("\u0000\u0001binary", "line 1", "U+0000");
            refused("{\"items\": [{\"type\": 1e999999999}]}", "item 1", "\"type\"");
        }
    }

    @Test
    @DisplayName("reads the file from disk")
    void fromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bitwarden_export.json");
        Files.writeString(file, SAMPLE);
        try (ImportPlan plan = IMPORTER.read(file, ImportFormat.BITWARDEN_JSON)) {
            assertThat(plan.accounts())
                    .extracting(PlannedAccount::address)
                    .containsExactly(Address.of("hanako@icloud.com"));
            assertThat(plan.needsPasswords()).isFalse();
        }
    }
}
