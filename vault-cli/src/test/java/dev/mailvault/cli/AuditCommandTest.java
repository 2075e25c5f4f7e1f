package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.testing.SpecialFiles;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vault audit")
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRONG_A = "tarp-Wobbly-7-quince-Harbor-glyph";
    private static final String STRONG_B = "mossy-Kettle-42-orbit-Vane-thistle";
    private static final String WEAK = "password1";
    private static final List<String> SECRETS = List.of(STRONG_A, STRONG_B, WEAK, Cli.MASTER);

    @TempDir
    Path dir;

    Cli cli;
    Instant now = Instant.parse("2025-01-10T09:00:00Z");

    @BeforeEach
    void vault() {
        cli = Cli.withEmptyVault(dir);
        // the clock is read at each run, so a test moves time by changing 'now'
        cli.service =
                () -> new VaultService(Clock.fixed(now, ZoneOffset.UTC), new SecureRandom(), dir.resolve("state"));
    }

    /** Changes the vault through the core, as earlier commands (verify, devices) would have. */
    private void inVault(Consumer<VaultSession> change) {
        try (Secret master = Secret.copyOf(Cli.MASTER.toCharArray());
                VaultSession session = cli.service.get().open(cli.vault, master)) {
            change.accept(session);
        }
    }

    private static AccountSpec spec(String address, boolean sameSmtp) {
        return new AccountSpec(
                Address.of(address),
                "",
                "generic",
                Endpoint.parse("imap.example.jp:993"),
                Endpoint.parse("smtp.example.jp:465"),
                null,
                null,
                sameSmtp,
                null,
                null,
                null);
    }

    private static Secret secret(String value) {
        return Secret.copyOf(value.toCharArray());
    }

    private void verified(VaultSession session, String address) {
        List<CredentialCheck> checks = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            checks.add(new CredentialCheck(
                    Address.of(address),
                    protocol == Protocol.IMAP ? CredentialRef.IMAP : CredentialRef.SMTP,
                    new CheckResult(protocol, Slot.CURRENT, Outcome.OK, "imap.example.jp", 993, "", "", "", 10, now)));
        }
        session.recordChecks(checks);
    }

    /**
     * hanako: IMAP and SMTP share one strong value (normal, not reuse), verified: clean. jiro and
     * ken: the same strong value on two accounts. taro: a weak value, never verified.
     */
    private void craftedVault() {
        inVault(s -> {
            s.addAccount(spec("hanako@example.com", false), secret(STRONG_A), secret(STRONG_A));
            s.addAccount(spec("jiro@example.org", true), secret(STRONG_B), null);
            s.addAccount(spec("ken@example.net", true), secret(STRONG_B), null);
            s.addAccount(spec("taro@example.jp", true), secret(WEAK), null);
            verified(s, "hanako@example.com");
            verified(s, "jiro@example.org");
            verified(s, "ken@example.net");
        });
    }

    private static JsonNode account(JsonNode doc, String address) {
        for (JsonNode account : doc.get("accounts")) {
            if (account.get("address").asText().equals(address)) {
                return account;
            }
        }
        throw new AssertionError(address + " not listed");
    }

    private static List<String> flags(JsonNode account) {
        List<String> codes = new ArrayList<>();
        account.get("flags").forEach(f -> codes.add(f.get("flag").asText()));
        return codes;
    }

    private static void assertNoSecret(String... outputs) {
        for (String output : outputs) {
            for (String secret : SECRETS) {
                assertThat(output).doesNotContain(secret);
            }
        }
    }

    @Nested
    @DisplayName("exit codes")
    class ExitCodesOfAudit {
        @Test
        @DisplayName("0 and a one-line summary when nothing needs attention")
        void clean() {
            inVault(s -> {
                s.addAccount(spec("hanako@example.com", false), secret(STRONG_A), secret(STRONG_A));
                verified(s, "hanako@example.com");
            });

            Result r = cli.unlocked("audit");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("No account needs attention (1 audited).\n");
        }

        @Test
        @DisplayName("1 when anything is listed, with each reason and its next step")
        void listed() {
            craftedVault();

            Result r = cli.unlocked("audit");

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out())
                    .contains("jiro@example.org (Other mail provider)")
                    .contains(
                            "  - Reused: The password (IMAP and SMTP) is the same as a password stored for ken@example.net.")
                    .contains("    → Rotate it so that each account has a password of its own.")
                    .contains("  - Weak: The password (IMAP and SMTP) is easy to guess")
                    .contains(
                            "  - Never verified: The password (IMAP and SMTP) has not logged in successfully over IMAP and SMTP")
                    .contains("3 of 4 accounts need attention (4 reasons).")
                    .doesNotContain("hanako");
            assertNoSecret(r.out(), r.err());
        }

        @Test
        @DisplayName("3 for a wrong master password, before anything is listed")
        void wrongMaster() {
            craftedVault();
            Result r = cli.run("not it\n", "--password-stdin", "audit");
            assertThat(r.code()).isEqualTo(ExitCodes.WRONG_MASTER_PASSWORD);
            assertThat(r.out()).isEmpty();
        }
    }

    @Nested
    @DisplayName("--json")
    class Json {
        @Test
        @DisplayName(
                "prints accounts most urgent first, each flag with ref, action, typed detail, message and next step")
        void shape() throws Exception {
            craftedVault();
            now = Instant.parse("2025-07-20T09:00:00Z");

            Result r = cli.unlocked("audit", "--json");

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("audited_at").asText()).isEqualTo("2025-07-20T09:00:00Z");
            assertThat(doc.get("accounts_audited").asInt()).isEqualTo(4);
            List<String> order = new ArrayList<>();
            doc.get("accounts").forEach(a -> order.add(a.get("address").asText()));
            // all four are 10 days overdue; then hanako's second overdue password outranks a reuse,
            // and a reuse outranks taro's weak password
            assertThat(order)
                    .containsExactly("hanako@example.com", "jiro@example.org", "ken@example.net", "taro@example.jp");

            JsonNode taro = account(doc, "taro@example.jp");
            assertThat(taro.get("provider").asText()).isEqualTo("generic");
            assertThat(flags(taro)).containsExactly("overdue", "weak", "never-verified");
            JsonNode overdue = taro.get("flags").get(0);
            assertThat(overdue.get("ref").asText()).isEqualTo("imap");
            assertThat(overdue.get("action").asText()).isEqualTo("rotate");
            assertThat(overdue.get("detail").get("due_on").asText()).isEqualTo("2025-07-10");
            assertThat(overdue.get("detail").get("days").isNumber()).isTrue();
            assertThat(overdue.get("detail").get("days").asInt()).isEqualTo(10);
            assertThat(overdue.get("detail").get("policy").asText()).isEqualTo("6m");
            assertThat(overdue.get("message").asText())
                    .isEqualTo(
                            "The password (IMAP and SMTP) was due for a change on 2025-07-10 (10 days ago; policy: every 6"
                                    + " months).");
            assertThat(overdue.get("next_step").asText()).startsWith("Rotate it");

            JsonNode hanako = account(doc, "hanako@example.com");
            assertThat(flags(hanako))
                    .containsExactly("overdue", "overdue", "not-verified-for-30-days", "not-verified-for-30-days");
            JsonNode stale = hanako.get("flags").get(3);
            assertThat(stale.get("ref").asText()).isEqualTo("smtp");
            assertThat(stale.get("detail").get("last_verified_on").asText()).isEqualTo("2025-01-10");

            JsonNode reused = account(doc, "jiro@example.org").get("flags").get(1);
            assertThat(reused.get("flag").asText()).isEqualTo("reused");
            assertThat(reused.get("detail").get("shared_with").isArray()).isTrue();
            assertThat(reused.get("detail").get("shared_with").get(0).asText()).isEqualTo("ken@example.net");

            assertThat(doc.get("summary").get("overdue").asInt()).isEqualTo(5);
            assertThat(doc.get("summary").get("reused").asInt()).isEqualTo(2);
            assertThat(doc.get("summary").has("due-soon")).isFalse();
            assertNoSecret(r.out(), r.err());
        }

        @Test
        @DisplayName("IMAP and SMTP of one account sharing a value is not reuse")
        void imapEqualsSmtp() throws Exception {
            craftedVault();

            JsonNode doc = JSON.readTree(cli.unlocked("audit", "--json").out());

            doc.get("accounts")
                    .forEach(a -> assertThat(a.get("address").asText()).isNotEqualTo("hanako@example.com"));
        }

        @Test
        @DisplayName("a clean vault gives an empty list, an empty summary and exit 0")
        void clean() throws Exception {
            Result r = cli.unlocked("audit", "--json");
            assertThat(r.code()).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("accounts")).isEmpty();
            assertThat(doc.get("summary")).isEmpty();
            assertThat(doc.get("accounts_audited").asInt()).isZero();
        }
    }

    @Nested
    @DisplayName("--csv FILE")
    class Csv {
        @Test
        @DisplayName("writes a header and one row per account and flag, mode 0600, replacing an old file")
        void file() throws Exception {
            craftedVault();
            Path file = dir.resolve("audit.csv");
            Files.writeString(file, "older audit\n");

            Result r = cli.unlocked("audit", "--csv", file.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.err()).contains("Wrote 4 rows to " + file + " (CSV).");
            assertThat(r.out()).contains("3 of 4 accounts need attention");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = csv.split("\r\n");
            assertThat(lines).hasSize(5);
            assertThat(lines[0]).isEqualTo("address,provider,flag,credential,action,detail,message,next_step");
            assertThat(lines[1]).startsWith("jiro@example.org,generic,reused,imap,rotate,shared_with=ken@example.net,");
            assertThat(csv).contains("taro@example.jp,generic,weak,imap,rotate,score=");
            assertThat(csv).contains("taro@example.jp,generic,never-verified,imap,verify,\"protocols=imap,smtp\",");
            assertNoSecret(csv, r.out(), r.err());
        }

        @Test
        @DisplayName("--json and --csv together: JSON on standard output, the note on standard error")
        void withJson() throws Exception {
            craftedVault();
            Path file = dir.resolve("audit.csv");

            Result r = cli.unlocked("audit", "--json", "--csv", file.toString());

            assertThat(JSON.readTree(r.out()).get("accounts")).hasSize(3);
            assertThat(Files.exists(file)).isTrue();
        }

        @Test
        @DisplayName("a folder that does not exist is refused with exit 2 before the master password is asked")
        void missingFolder() {
            Result r = cli.run(
                    "",
                    "audit",
                    "--csv",
                    dir.resolve("no/such/folder/audit.csv").toString());

            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("does not exist");
        }

        @Test
        @DisplayName(
                "a FIFO or device as FILE is refused with exit 2 before the master password is asked, and left as it was")
        void notRegularFile() throws Exception {
            Path fifo = SpecialFiles.fifo(dir.resolve("audit.csv"));

            // no password on standard input: the refusal comes first
            Result r = cli.run("", "audit", "--csv", fifo.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("cannot write " + fifo).contains("not a regular file");
            assertThat(SpecialFiles.isStillSpecial(fifo)).isTrue();
        }

        @Test
        @DisplayName("a FILE the system will not write is exit 2 naming it and why, not an internal error")
        void cannotWrite() throws Exception {
            craftedVault();
            // a valid name, but too long with the temporary file's prefix and suffix: refused even to root
            Path file = dir.resolve("a".repeat(255));

            Result r = cli.unlocked("audit", "--csv", file.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("vault: cannot write " + file + ": file name too long\n");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    @DisplayName("--lang ja prints labels, sentences, next steps and the summary in Japanese")
    void japanese() throws Exception {
        craftedVault();
        Path file = dir.resolve("audit.csv");

        Result r = cli.unlocked("--lang", "ja", "audit", "--csv", file.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out())
                .contains("jiro@example.org（その他のメール）")
                .contains("  - 使い回し: パスワード（IMAP・SMTP共通）は、ken@example.netに保存されているパスワードと同じです。")
                .contains("    → アカウントごとに別のパスワードになるよう変更してください。")
                .contains("推測されやすい")
                .contains("4 件中 3 件のアカウントに注意が必要です（理由 4 件）。");
        assertThat(r.err()).contains("CSV で 4 行を書き出しました");
        assertThat(Files.readString(file)).contains("パスワード（IMAP・SMTP共通）は推測されやすいパスワードです");
        Result help = cli.run("", "--lang", "ja", "audit", "--help");
        assertThat(help.out()).contains("注意が必要なアカウント");
        assertNoSecret(r.out(), r.err(), Files.readString(file));
    }
}
