package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vault verify against a real GreenMail over TLS")
class VerifyCommandTest extends ServerTestBase {

    @Test
    @DisplayName("shows an OK and an AUTH_FAILED row for each protocol, a summary, and exits 1")
    void okAndFailed() {
        String good = account("good", "right-pw", "right-pw");
        String bad = account("bad", "stale-pw", "changed-pw");

        Result r = cli.unlocked("verify", good, bad);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("RESULT").contains("SERVER SAID");
        assertThat(r.out().lines().filter(l -> l.startsWith(good)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(" current ").contains(" OK "));
        assertThat(r.out().lines().filter(l -> l.startsWith(bad)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("AUTH_FAILED"));
        assertThat(r.out()).contains("535 5.7.8").contains("4 checks: OK 2, AUTH_FAILED 2");
        assertThat(r.err()).as("no progress line without a terminal").doesNotContain("\r");
    }

    @Test
    @DisplayName("exits 0 when every result is OK")
    void allOk() {
        String good = account("fine", "right-pw", "right-pw");
        Result r = cli.unlocked("verify", good);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 checks: OK 2");
    }

    @Test
    @DisplayName("--json prints exactly the contract's shape, with code where the server gave one")
    void json() {
        String good = account("jgood", "right-pw", "right-pw");
        String bad = account("jbad", "stale-pw", "changed-pw");

        Result r = cli.unlocked("verify", "--json", good, bad);

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode doc = json(r);
        assertThat(fieldNames(doc)).containsExactly("results", "summary", "rotations");
        assertThat(doc.get("results")).hasSize(4);
        JsonNode smtpFailure = null;
        for (JsonNode result : doc.get("results")) {
            List<String> names = fieldNames(result);
            assertThat(names.subList(0, 8))
                    .containsExactly(
                            "account", "protocol", "credential", "outcome", "message", "millis", "host", "port");
            assertThat(names.subList(8, names.size())).isSubsetOf("code", "alert");
            assertThat(result.get("account").asText()).isIn(good, bad);
            assertThat(result.get("protocol").asText()).isIn("imap", "smtp");
            assertThat(result.get("credential").asText()).isEqualTo("current");
            assertThat(result.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(result.get("port").asInt()).isIn(server.imapPort(), server.smtpPort());
            assertThat(result.get("millis").isIntegralNumber()).isTrue();
            if (result.get("account").asText().equals(bad)
                    && result.get("protocol").asText().equals("smtp")) {
                smtpFailure = result;
            }
        }
        assertThat(smtpFailure).isNotNull();
        assertThat(smtpFailure.get("outcome").asText()).isEqualTo("AUTH_FAILED");
        assertThat(smtpFailure.get("code").asText()).startsWith("535");
        assertThat(fieldNames(doc.get("summary"))).containsExactly("OK", "AUTH_FAILED");
        assertThat(doc.get("summary").get("OK").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("AUTH_FAILED").asInt()).isEqualTo(2);
        assertThat(doc.get("rotations")).isEmpty();
    }

    @Test
    @DisplayName("--all skips a password that just failed (lockout protection), which still exits 1")
    void lockout() {
        String bad = account("locked", "stale-pw", "changed-pw");
        assertThat(cli.unlocked("verify", bad).code()).isEqualTo(ExitCodes.FINDINGS);

        Result all = cli.unlocked("verify", "--all");

        assertThat(all.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(all.out()).contains("SKIPPED").contains("LOCKOUT_PROTECTION").contains("--force");
        assertThat(all.out()).doesNotContain("AUTH_FAILED");
    }

    @Test
    @DisplayName("an unknown account, no account, both addresses and --all, or a bad number: exit 2")
    void badInput() {
        Result unknown = cli.unlocked("verify", "nobody@mv-cli.example");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no account nobody@mv-cli.example");
        assertThat(cli.run("", "verify").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "verify", "--all", "a@mv-cli.example").code()).isEqualTo(ExitCodes.USAGE);
        Result timeout = cli.run("", "verify", "--all", "--timeout", "0");
        assertThat(timeout.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(timeout.err()).contains("--timeout must be between 0.1 and 300 seconds");
        assertThat(cli.run("", "verify", "--all", "--parallel", "0").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "verify", "--all", "--per-host", "65").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("draws a progress line on standard error when it is a terminal, never on standard output")
    void progress() {
        String good = account("progress", "right-pw", "right-pw");
        cli.terminal = new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public char[] readSecret(String prompt) {
                throw new IllegalStateException("not asked");
            }

            @Override
            public String readLine(String prompt) {
                throw new IllegalStateException("not asked");
            }

            @Override
            public boolean errorIsTerminal() {
                return true;
            }
        };
        Result r = cli.unlocked("verify", good);
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("\rChecking logins: 0 of 2").contains("\rChecking logins: 2 of 2");
        assertThat(r.out()).doesNotContain("\r").doesNotContain("Checking logins");
    }

    @Test
    @DisplayName("a stored CA certificate that cannot be read fails only that account (TLS_CERT_INVALID, exit 1),"
            + " says how to fix it in English and Japanese, and keeps the --json shape; doctor explains it")
    void unreadableCaCertificate() {
        String good = account("cagood", "right-pw", "right-pw");
        String broken = account("cabroken", "right-pw", "right-pw");
        // as an older version or another tool could have stored it: the markers around no certificate
        withSession(session -> {
            AccountSpec spec = session.account(Address.of(broken)).spec();
            session.updateAccount(
                    spec.address(),
                    new AccountSpec(
                            spec.address(),
                            spec.displayName(),
                            spec.providerId(),
                            spec.imap(),
                            spec.smtp(),
                            spec.imapLogin(),
                            spec.smtpLogin(),
                            spec.smtpSameAsImap(),
                            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
                            spec.notes(),
                            spec.policy()),
                    null);
        });

        Result r = cli.unlocked("verify", "--all");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().filter(l -> l.startsWith(good)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(" OK "));
        assertThat(r.out().lines().filter(l -> l.startsWith(broken)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .contains(" TLS_CERT_INVALID ")
                        .contains(" CA_CERT_UNREADABLE ")
                        .endsWith("not tried: the CA certificate stored for this account cannot be read. Give it"
                                + " again with 'vault edit " + broken + " --ca-cert FILE', or remove it with"
                                + " 'vault edit " + broken + " --clear-ca-cert'."));
        assertThat(r.out()).contains("4 checks: OK 2, TLS_CERT_INVALID 2");

        Result ja = cli.unlocked("--lang", "ja", "verify", broken);
        assertThat(ja.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ja.out())
                .contains("試していません：このアカウントに保存されている CA 証明書が読めません。'vault edit " + broken + " --ca-cert FILE' で指定し直すか");

        Result json = cli.unlocked("verify", "--json", good, broken);
        assertThat(json.code()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode doc = json(json);
        assertThat(fieldNames(doc)).containsExactly("results", "summary", "rotations");
        for (JsonNode result : doc.get("results")) {
            assertThat(fieldNames(result))
                    .startsWith("account", "protocol", "credential", "outcome", "message", "millis", "host", "port");
            if (result.get("account").asText().equals(broken)) {
                assertThat(result.get("outcome").asText()).isEqualTo("TLS_CERT_INVALID");
                assertThat(result.get("code").asText()).isEqualTo("CA_CERT_UNREADABLE");
                assertThat(result.get("message").asText())
                        .startsWith("not tried: the CA certificate stored for this account cannot be read (");
            }
        }
        assertThat(doc.get("summary").get("TLS_CERT_INVALID").asInt()).isEqualTo(2);

        Result doctor = cli.unlocked("doctor", broken);
        assertThat(doctor.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(doctor.out()).contains("the CA certificate stored for this account cannot be read");
    }

    @Test
    @DisplayName("speaks Japanese with --lang ja")
    void japanese() {
        String good = account("nihongo", "right-pw", "right-pw");
        Result r = cli.unlocked("--lang", "ja", "verify", good);
        assertThat(r.out()).contains("結果").contains("現在の値").contains("確認 2 件：OK 2");
    }

    @Test
    @DisplayName("--debug prints the protocol trace of verify and doctor --check without the password in any form")
    void debugTrace() {
        String password = "Dbg-Secret-\"q\" 71";
        String ok = account("debug", password, password);
        String refused = account("debugwrong", password, password + "x");

        Result verify = cli.unlocked("--debug", "verify", ok, refused);
        Result doctor = cli.unlocked("--debug", "doctor", ok, "--check");

        assertThat(verify.err()).contains("CAPABILITY").contains("EHLO").contains(ok);
        assertThat(doctor.err()).contains("CAPABILITY");
        Base64.Encoder b64 = Base64.getEncoder();
        for (Result r : List.of(verify, doctor)) {
            assertThat(r.both())
                    .doesNotContain("Dbg-Secret")
                    .doesNotContain(b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)));
            for (String login : List.of(ok, refused)) {
                assertThat(r.both())
                        .doesNotContain(
                                b64.encodeToString(("\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** An account whose servers are a closed local port: each login is refused, no server answers. */
    private String refusedAccount(String name) {
        String address = name + "@mv-cli.example";
        Result added =
                cli.unlockedWith("any-pw\n", "add", address, "--imap", "127.0.0.1:1:tls", "--smtp", "127.0.0.1:1:tls");
        assertThat(added.code()).as(added.err()).isZero();
        return address;
    }

    @Test
    @DisplayName("a refused connection is described in English as the core words it, in verify and show")
    void refusedInEnglish() {
        String a = refusedAccount("refused-en");

        Result r = cli.unlocked("verify", a);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out().lines().filter(l -> l.startsWith(a)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .contains(" CONNECT_REFUSED ")
                        .containsPattern("the connection to 127\\.0\\.0\\.1:1 was refused \\([^)]+\\)$"));
        assertThat(cli.unlocked("show", a).out())
                .containsPattern("imap +current +CONNECT_REFUSED +127\\.0\\.0\\.1:1 +\\S+ +"
                        + "the connection to 127\\.0\\.0\\.1:1 was refused \\(");
    }

    @Test
    @DisplayName(
            "in Japanese, a refused connection is described in Japanese in verify and show; --json keeps the English")
    void refusedInJapanese() {
        String a = refusedAccount("refused-ja");

        Result r = cli.unlocked("--lang", "ja", "verify", a);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("サーバーの応答").doesNotContain("was refused");
        assertThat(r.out().lines().filter(l -> l.startsWith(a)))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .contains(" CONNECT_REFUSED ")
                        .containsPattern("127\\.0\\.0\\.1:1 への接続が拒否されました（[^）]+）。$"));
        Result show = cli.unlocked("--lang", "ja", "show", a);
        assertThat(show.out())
                .containsPattern(
                        "imap +現在の値 +CONNECT_REFUSED +127\\.0\\.0\\.1:1 +\\S+ +" + "127\\.0\\.0\\.1:1 への接続が拒否されました（")
                .doesNotContain("was refused");

        JsonNode doc = json(cli.unlocked("--lang", "ja", "verify", "--json", a));
        assertThat(doc.get("results"))
                .hasSize(2)
                .allSatisfy(result -> assertThat(result.get("message").asText())
                        .startsWith("the connection to 127.0.0.1:1 was refused ("));
    }

    @Test
    @DisplayName("in Japanese, what the server itself answered stays in its own words")
    void serverWordsInJapanese() {
        String bad = account("bad-ja", "stale-pw", "changed-pw");
        JsonNode doc = json(cli.unlocked("verify", "--json", bad));

        Result r = cli.unlocked("--lang", "ja", "verify", bad);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        for (JsonNode result : doc.get("results")) {
            assertThat(result.get("outcome").asText()).isEqualTo("AUTH_FAILED");
            assertThat(r.out()).contains(result.get("message").asText());
        }
    }
}
