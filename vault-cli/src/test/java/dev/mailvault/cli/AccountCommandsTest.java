package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Account commands on a real vault file")
class AccountCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARO = "taro@example.jp";

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void vault() {
        cli = Cli.withEmptyVault(dir);
    }

    private Result addTaro() {
        return addTaroWith("--name", "Taro");
    }

    /** Adds Taro's account with its servers and {@code options}; the add must succeed. */
    private Result addTaroWith(String... options) {
        List<String> args =
                new ArrayList<>(List.of("add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587"));
        args.addAll(List.of(options));
        Result r = cli.unlockedWith("imap-secret-1\n", args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    /** A file with the PEM markers around bytes that are no certificate, as a cut or mangled copy gives. */
    private Path damagedCaCert() throws Exception {
        return Files.writeString(
                dir.resolve("damaged-ca.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    }

    private static String[] concat(String first, String second, String[] rest) {
        List<String> all = new ArrayList<>(List.of(first, second));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @Nested
    @DisplayName("add")
    class Add {
        @Test
        @DisplayName("stores the account with the password read from standard input")
        void addsAccount() {
            Result r = addTaro();
            assertThat(r.out()).contains("Added " + TARO).contains("smtp.example.jp:587:starttls");
            assertThat(cli.unlocked("get", TARO).out()).isEqualTo("imap-secret-1\n");
        }

        @Test
        @DisplayName("with --separate-smtp-password reads the SMTP password from the next line")
        void separateSmtp() {
            Result r = cli.unlockedWith(
                    "imap-pw\nsmtp-pw\n",
                    "add",
                    "hanako@example.com",
                    "--imap",
                    "mail.example.com:993",
                    "--smtp",
                    "mail.example.com:465",
                    "--separate-smtp-password",
                    "--policy",
                    "3m");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(cli.unlocked("get", "hanako@example.com", "--kind", "smtp")
                            .out())
                    .isEqualTo("smtp-pw\n");
            assertThat(cli.unlocked("get", "hanako@example.com").out()).isEqualTo("imap-pw\n");
        }

        @Test
        @DisplayName("refuses an address already present with exit 2 and writes nothing")
        void duplicate() {
            addTaro();
            byte[] before = cli.vaultBytes();
            Result r = cli.unlockedWith(
                    "other\n", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("already in the vault");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses what is not an address, before asking for any password")
        void notAnAddress() {
            byte[] before = cli.vaultBytes();
            Result r = cli.run("", "add", "not-an-address", "--imap", "a.jp:993", "--smtp", "b.jp:465");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("'not-an-address' is not an e-mail address");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a CA file whose certificate is not X.509, in English and Japanese, writing nothing")
        void caCertNotX509() throws Exception {
            Path pem = damagedCaCert();
            byte[] before = cli.vaultBytes();
            String[] add = {
                "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "b.jp:465", "--ca-cert", pem.toString()
            };

            Result r = cli.unlockedWith("pw\n", add);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .isEqualTo("vault: " + pem + " holds a -----BEGIN CERTIFICATE----- block that is not a readable"
                            + " X.509 certificate (damaged or cut short); nothing was written. Give the CA certificate"
                            + " in PEM form.\n");
            Result ja = cli.unlockedWith("pw\n", concat("--lang", "ja", add));
            assertThat(ja.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(ja.err()).contains(pem + " の証明書（-----BEGIN CERTIFICATE-----）を X.509 証明書として読めません");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses an endpoint that does not parse")
        void badEndpoint() {
            byte[] before = cli.vaultBytes();
            Result r =
                    cli.unlockedWith("pw\n", "add", TARO, "--imap", "imap.example.jp:notaport", "--smtp", "b.jp:465");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--imap 'imap.example.jp:notaport' is not a server");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses plain-text security in an endpoint")
        void plainRefused() {
            Result r =
                    cli.unlockedWith("pw\n", "add", TARO, "--imap", "imap.example.jp:143:plain", "--smtp", "b.jp:465");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        @DisplayName("without a known provider asks for --imap and --smtp")
        void endpointsRequired() {
            Result r = cli.unlockedWith("pw\n", "add", "someone@unknown-domain.example");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--imap HOST:PORT").contains("--smtp HOST:PORT");
        }

        @Test
        @DisplayName("takes servers and login names from the provider catalog by domain")
        void fromCatalog() throws Exception {
            Result r = cli.unlockedWith("app-pw\n", "add", "hanako@icloud.com");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode account = JSON.readTree(
                    cli.unlocked("show", "hanako@icloud.com", "--json").out());
            assertThat(account.get("provider").asText()).isEqualTo("icloud");
            assertThat(account.get("imap").get("host").asText()).isEqualTo("imap.mail.me.com");
            assertThat(account.get("imap").get("login").asText()).isEqualTo("hanako");
            assertThat(account.get("smtp").get("port").asInt()).isEqualTo(587);
            assertThat(account.get("smtp").get("security").asText()).isEqualTo("starttls");
            assertThat(account.get("smtp").get("login").asText()).isEqualTo("hanako@icloud.com");
        }

        @Test
        @DisplayName("options win over the catalog, and --provider names an entry for any domain")
        void providerOption() throws Exception {
            Result r = cli.unlockedWith(
                    "pw\n",
                    "add",
                    "me@my-domain.example",
                    "--provider",
                    "gmail",
                    "--imap",
                    "imap.my-domain.example:993");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode account = JSON.readTree(
                    cli.unlocked("show", "me@my-domain.example", "--json").out());
            assertThat(account.get("provider").asText()).isEqualTo("gmail");
            assertThat(account.get("imap").get("host").asText()).isEqualTo("imap.my-domain.example");
            assertThat(account.get("smtp").get("host").asText()).isEqualTo("smtp.gmail.com");
        }

        @Test
        @DisplayName("an unknown --provider is exit 2 and lists the known ids")
        void unknownProvider() {
            Result r = cli.unlockedWith("pw\n", "add", TARO, "--provider", "nosuch");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("'nosuch'").contains("gmail").contains("docomo");
        }

        @Test
        @DisplayName("a provider that issues its own login names needs --login")
        void issuedLogin() {
            Result r = cli.unlockedWith("pw\n", "add", "taro@docomo.ne.jp");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--login NAME");
            assertThat(cli.unlockedWith("pw\n", "add", "taro@docomo.ne.jp", "--login", "taro-id")
                            .code())
                    .isZero();
        }

        @Test
        @DisplayName("warns that an OAuth-only provider takes no passwords")
        void oauthOnly() {
            Result r = cli.unlockedWith("pw\n", "add", "taro@outlook.com");
            assertThat(r.code()).isZero();
            assertThat(r.err()).contains("accepts no passwords");
        }

        @Test
        @DisplayName("refuses when standard input ends before the password, writing nothing")
        void inputEnds() {
            byte[] before = cli.vaultBytes();
            Result r =
                    cli.unlockedWith("", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("IMAP password for " + TARO).contains("input ended");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("at a terminal asks twice; two different entries save nothing")
        void twiceAtTerminal() {
            ScriptedTerminal terminal = new ScriptedTerminal(Cli.MASTER, "first", "second");
            cli.terminal = terminal;
            byte[] before = cli.vaultBytes();
            Result r = cli.run("", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("two entries differ");
            assertThat(terminal.prompts).hasSize(3);
            assertThat(terminal.prompts.get(1)).contains("IMAP password for " + TARO);
            assertThat(terminal.echoed).containsOnly(false);
            assertThat(cli.vaultBytes()).isEqualTo(before);

            cli.terminal = new ScriptedTerminal(Cli.MASTER, "same", "same");
            assertThat(cli.run("", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587")
                            .code())
                    .isZero();
        }
    }

    @Nested
    @DisplayName("list")
    class ListAccounts {
        @Test
        @DisplayName("says there are no accounts in an empty vault")
        void empty() {
            Result r = cli.unlocked("list");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("No accounts yet");
        }

        @Test
        @DisplayName("shows a table with age, due date, last check and re-entry")
        void table() {
            addTaro();
            Result r = cli.unlocked("list");
            assertThat(r.code()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines[0]).contains("ADDRESS", "PROVIDER", "PASSWORD AGE", "DUE", "LAST CHECK", "RE-ENTRY");
            assertThat(lines[1]).startsWith(TARO).contains("today").contains("never checked");
        }

        @Test
        @DisplayName("--json: an account without a display name has null there, never \"\"")
        void absentNameIsNull() throws Exception {
            assertThat(addTaroWith().code()).isZero();
            JsonNode account = JSON.readTree(cli.unlocked("list", "--json").out())
                    .get("accounts")
                    .get(0);
            assertThat(account.get("display_name").isNull())
                    .as(account.toString())
                    .isTrue();
        }

        @Test
        @DisplayName("--json gives the documented fields with ISO-8601 dates")
        void json() throws Exception {
            addTaro();
            Result r = cli.unlocked("list", "--json");
            assertThat(r.code()).isZero();
            JsonNode account = JSON.readTree(r.out()).get("accounts").get(0);
            assertThat(account.get("address").asText()).isEqualTo(TARO);
            assertThat(account.get("display_name").asText()).isEqualTo("Taro");
            assertThat(account.get("imap").get("port").asInt()).isEqualTo(993);
            assertThat(account.get("imap").get("security").asText()).isEqualTo("tls");
            assertThat(account.get("smtp").get("security").asText()).isEqualTo("starttls");
            assertThat(account.get("smtp").get("same_password_as_imap").asBoolean())
                    .isTrue();
            assertThat(account.get("policy").asText()).isEqualTo("6m");
            assertThat(java.time.Instant.parse(
                            account.get("password_changed_at").asText()))
                    .isNotNull();
            assertThat(java.time.LocalDate.parse(account.get("next_due_on").asText()))
                    .isNotNull();
            assertThat(account.get("password_age_days").asInt()).isZero();
            assertThat(account.get("credentials").get(0).get("kind").asText()).isEqualTo("imap");
            assertThat(account.get("credentials").get(0).has("value")).isFalse();
            assertThat(account.get("last_checks").isArray()).isTrue();
        }
    }

    @Nested
    @DisplayName("show")
    class Show {
        @Test
        @DisplayName("masks the password unless --reveal")
        void masked() {
            addTaro();
            Result r = cli.unlocked("show", TARO);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Taro").contains("********").doesNotContain("imap-secret-1");
            Result revealed = cli.unlocked("show", TARO, "--reveal");
            assertThat(revealed.out()).contains("imap-secret-1");
        }

        @Test
        @DisplayName("--reveal shows a rotation's new value on a row of its own, as --json's pending_value")
        void revealPending() {
            addTaro();
            assertThat(cli.unlockedWith("imap-secret-new\n", "rotate", TARO).code())
                    .isZero();
            Result masked = cli.unlocked("show", TARO);
            assertThat(masked.out()).doesNotContain("imap-secret-new").doesNotContain("new (pending)");
            Result revealed = cli.unlocked("show", TARO, "--reveal");
            assertThat(revealed.out())
                    .containsPattern("imap .*imap-secret-1")
                    .containsPattern("imap .* - +new \\(pending\\) +imap-secret-new");
        }

        @Test
        @DisplayName("--history lists earlier values by date, masked unless --reveal")
        void history() throws Exception {
            addTaro();
            assertThat(cli.unlockedWith("imap-secret-2\n", "edit", TARO, "--password")
                            .code())
                    .isZero();
            Result masked = cli.unlocked("show", TARO, "--history");
            assertThat(masked.out()).contains("Earlier values").doesNotContain("imap-secret-1");
            Result revealed = cli.unlocked("show", TARO, "--history", "--reveal", "--json");
            JsonNode imap = JSON.readTree(revealed.out()).get("credentials").get(0);
            assertThat(imap.get("value").asText()).isEqualTo("imap-secret-2");
            assertThat(imap.get("history").get(0).get("value").asText()).isEqualTo("imap-secret-1");
            assertThat(imap.get("history").get(0).get("replaced_at").asText()).isNotEmpty();
        }

        @Test
        @DisplayName("--reveal at a terminal asks for the master password again, and a wrong one is exit 3")
        void revealAsksAgain() {
            addTaro();
            ScriptedTerminal terminal = new ScriptedTerminal(Cli.MASTER, Cli.MASTER);
            cli.terminal = terminal;
            Result r = cli.run("", "show", TARO, "--reveal", "--history");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(terminal.prompts).hasSize(2);
            assertThat(r.out()).contains("imap-secret-1");

            cli.terminal = new ScriptedTerminal(Cli.MASTER, "not the master");
            Result wrong = cli.run("", "show", TARO, "--reveal");
            assertThat(wrong.code()).isEqualTo(ExitCodes.WRONG_MASTER_PASSWORD);
            assertThat(wrong.out()).doesNotContain("imap-secret-1");
        }

        @Test
        @DisplayName("an unknown account is exit 2")
        void unknown() {
            Result r = cli.unlocked("show", "nobody@example.jp");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("no account nobody@example.jp");
        }
    }

    @Nested
    @DisplayName("get")
    class Get {
        @Test
        @DisplayName("prints only the secret and a newline; SMTP gives the shared IMAP password")
        void onlyTheSecret() {
            addTaro();
            assertThat(cli.unlocked("get", TARO).out()).isEqualTo("imap-secret-1\n");
            assertThat(cli.unlocked("get", TARO, "--kind", "smtp").out()).isEqualTo("imap-secret-1\n");
        }

        @Test
        @DisplayName("keeps non-ASCII secrets intact")
        void unicode() {
            cli.unlockedWith(
                    "パスワード\u3000全角\n", "add", TARO, "--imap", "imap.example.jp:993", "--smtp", "smtp.example.jp:587");
            assertThat(cli.unlocked("get", TARO).out()).isEqualTo("パスワード\u3000全角\n");
        }

        @Test
        @DisplayName("an app password that is not stored is exit 2; a bad kind is exit 2")
        void missingKind() {
            addTaro();
            Result r = cli.unlocked("get", TARO, "--kind", "app:iPhone");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.out()).isEmpty();
            assertThat(cli.unlocked("get", TARO, "--kind", "pop3").code()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Nested
    @DisplayName("edit")
    class Edit {
        @Test
        @DisplayName("changes only the given settings")
        void settings() throws Exception {
            addTaro();
            Result r = cli.unlocked("edit", TARO, "--login", "taro-login", "--policy", "12m");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode account =
                    JSON.readTree(cli.unlocked("show", TARO, "--json").out());
            assertThat(account.get("imap").get("login").asText()).isEqualTo("taro-login");
            assertThat(account.get("smtp").get("login").asText()).isEqualTo("taro-login");
            assertThat(account.get("policy").asText()).isEqualTo("12m");
            assertThat(account.get("display_name").asText()).isEqualTo("Taro");
            assertThat(account.get("imap").get("host").asText()).isEqualTo("imap.example.jp");
        }

        @Test
        @DisplayName("finds the account by its address in any case and keeps the stored spelling")
        void addressInOtherCase() throws Exception {
            addTaro();
            String shouted = TARO.toUpperCase(java.util.Locale.ROOT);
            Result r = cli.unlocked("edit", shouted, "--name", "Taro Yamada");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("Updated " + TARO + ".\n");
            JsonNode account =
                    JSON.readTree(cli.unlocked("show", TARO, "--json").out());
            assertThat(account.get("address").asText()).isEqualTo(TARO);
            assertThat(account.get("display_name").asText()).isEqualTo("Taro Yamada");
        }

        @Test
        @DisplayName("--password --kind app:LABEL adds an app password")
        void appPassword() {
            addTaro();
            assertThat(cli.unlockedWith("app-pw\n", "edit", TARO, "--password", "--kind", "app:iPhone")
                            .code())
                    .isZero();
            assertThat(cli.unlocked("get", TARO, "--kind", "app:iPhone").out()).isEqualTo("app-pw\n");
        }

        @Test
        @DisplayName("an app password label with a line break or another control character is exit 2, nothing written")
        void appLabelNotPrintable() {
            addTaro();
            byte[] before = cli.vaultBytes();
            Result r = cli.unlockedWith("app-pw\n", "edit", TARO, "--password", "--kind", "app:i\nPhone");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("vault: 'app:i\nPhone' is not a password kind");
            assertThat(cli.vaultBytes()).isEqualTo(before);
            assertThat(cli.unlocked("show", TARO).out()).doesNotContain("app:");
        }

        @Test
        @DisplayName("--separate-smtp-password reads the new SMTP password; --same-smtp-password undoes it")
        void smtpSeparation() {
            addTaro();
            assertThat(cli.unlockedWith("smtp-own\n", "edit", TARO, "--separate-smtp-password")
                            .code())
                    .isZero();
            assertThat(cli.unlocked("get", TARO, "--kind", "smtp").out()).isEqualTo("smtp-own\n");
            assertThat(cli.unlocked("edit", TARO, "--same-smtp-password").code())
                    .isZero();
            assertThat(cli.unlocked("get", TARO, "--kind", "smtp").out()).isEqualTo("imap-secret-1\n");
        }

        @Test
        @DisplayName("refuses a CA file whose certificate is not X.509 with exit 2, before asking for any password")
        void caCertNotX509() throws Exception {
            addTaro();
            Path pem = damagedCaCert();
            byte[] before = cli.vaultBytes();
            Result r = cli.run("", "edit", TARO, "--ca-cert", pem.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("is not a readable X.509 certificate");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("with nothing to change is exit 2 before asking for anything")
        void nothing() {
            Result r = cli.run("", "edit", TARO);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("nothing to change");
        }
    }

    @Nested
    @DisplayName("remove")
    class Remove {
        @Test
        @DisplayName("with --yes removes the account")
        void yes() {
            addTaro();
            Result r = cli.unlocked("remove", TARO, "--yes");
            assertThat(r.code()).isZero();
            assertThat(cli.unlocked("show", TARO).code()).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        @DisplayName("without a terminal and without --yes refuses with exit 2 and keeps the file")
        void refusesWithoutYes() {
            addTaro();
            byte[] before = cli.vaultBytes();
            Result r = cli.unlocked("remove", TARO);
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--yes");
            assertThat(cli.vaultBytes()).isEqualTo(before);
        }

        @Test
        @DisplayName("at a terminal asks, and keeps the account unless the answer is yes")
        void asks() {
            addTaro();
            cli.terminal = new ScriptedTerminal(Cli.MASTER, "n");
            assertThat(cli.run("", "remove", TARO).out()).contains("nothing was removed");
            ScriptedTerminal terminal = new ScriptedTerminal(Cli.MASTER, "y");
            cli.terminal = terminal;
            assertThat(cli.run("", "remove", TARO).out()).contains("Removed " + TARO);
            assertThat(terminal.prompts.get(1)).contains("Remove " + TARO).contains("[y/N]");
            assertThat(terminal.echoed.get(1)).isTrue();
        }
    }

    @Nested
    @DisplayName("passwd")
    class Passwd {
        @Test
        @DisplayName("replaces the master password: the new one opens the vault, the old one does not")
        void changes() {
            addTaro();
            Result r = cli.unlockedWith("a new master password\n", "passwd");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(cli.unlocked("list").code()).isEqualTo(ExitCodes.WRONG_MASTER_PASSWORD);
            Result opened = cli.run("a new master password\n", "--password-stdin", "get", TARO);
            assertThat(opened.out()).isEqualTo("imap-secret-1\n");
        }

        @Test
        @DisplayName("at a terminal asks for the new password twice")
        void twice() {
            ScriptedTerminal terminal = new ScriptedTerminal(Cli.MASTER, "new one", "new one");
            cli.terminal = terminal;
            assertThat(cli.run("", "passwd").code()).isZero();
            assertThat(terminal.prompts).hasSize(3);
            cli.terminal = new ScriptedTerminal("new one");
            assertThat(cli.run("", "list").code()).isZero();
        }

        @Test
        @DisplayName("accepts a weak new password with a warning on standard error, in English and Japanese,"
                + " which does not point to passwd again")
        void weakNewPassword() {
            Result r = cli.unlockedWith("tanaka1987\n", "passwd");
            assertThat(r.err())
                    .isEqualTo("vault: warning: this master password is weak (strength 1 of 4): whoever gets a copy"
                            + " of the vault file can guess it quickly. A longer passphrase is much stronger, for"
                            + " example four or more random words.\n")
                    .doesNotContain("tanaka")
                    .doesNotContain("1987");
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("Changed the master password");
            assertThat(cli.run("tanaka1987\n", "--password-stdin", "list").code())
                    .isZero();

            Result ja = cli.run("tanaka1987\nhanako1987\n", "--password-stdin", "--lang", "ja", "passwd");
            assertThat(ja.code()).as(ja.err()).isZero();
            assertThat(ja.err())
                    .isEqualTo("vault: 注意：このマスターパスワードは弱く（強度 2／4）、保管庫ファイルのコピーを手に入れた人にすぐ"
                            + "推測されるおそれがあります。ランダムに選んだ単語を4つ以上並べるなど、もっと長いパスフレーズにしてください。\n")
                    .doesNotContain("hanako")
                    .doesNotContain("1987");
        }

        @Test
        @DisplayName("gives no warning for a strong new password")
        void strongNewPassword() {
            Result r = cli.unlockedWith("kettle orbit sparrow lantern\n", "passwd");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    @DisplayName("the vault file is created with mode 0600")
    void fileMode() throws Exception {
        Cli fresh = new Cli(dir.resolve("fresh"));
        Result r = fresh.run(Cli.MASTER + "\n", Cli.concat(new String[] {"--password-stdin", "init"}, Cli.FLOOR_KDF));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.vault)))
                .isEqualTo("rw-------");
    }
}
