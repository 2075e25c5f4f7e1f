package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailvault.cli.Cli.Result;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vault doctor, with and without a fresh check against a real GreenMail")
class DoctorCommandTest extends ServerTestBase {
    private static final String SPACED = "Trailing-Secret-8d1c ";

    @Test
    @DisplayName("finds a trailing space in a stored value and exits 1, in either language, never printing the value")
    void trailingSpace() {
        String a = account("space", SPACED, SPACED.strip());

        Result r = cli.unlocked("doctor", a);

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out())
                .contains("- Problem: The stored IMAP password starts or ends with a space")
                .contains("No device is registered")
                .doesNotContain("Fresh check");
        Result ja = cli.unlocked("--lang", "ja", "doctor", a);
        assertThat(ja.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ja.out()).contains("- 問題：");
        Result json = cli.unlocked("doctor", a, "--json");
        JsonNode doc = json(json);
        assertThat(doc.get("problems").asBoolean()).isTrue();
        assertThat(doc.get("findings").findValuesAsText("code")).contains("SPACE_AT_ENDS");
        for (Result each : new Result[] {r, ja, json}) {
            assertThat(each.both()).doesNotContain("Trailing-Secret");
        }
    }

    @Test
    @DisplayName("an Outlook.com account is a problem without any check: no password works there, exit 1")
    void oauthOnlyProvider() {
        Result added = cli.unlockedWith("Outl00k-Pass-Strong!\n", "add", "ichiro@outlook.com");
        assertThat(added.code()).as(added.err()).isZero();

        Result r = cli.unlocked("doctor", "ichiro@outlook.com");

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out())
                .contains("- Problem: Outlook.com accepts no password for IMAP or SMTP: it wants its own sign-in"
                        + " (OAuth).")
                .contains("use a mail app that supports the provider's sign-in")
                .contains("since 16 September 2024")
                .doesNotContain("No problem found");
        Result ja = cli.unlocked("--lang", "ja", "doctor", "ichiro@outlook.com");
        assertThat(ja.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ja.out()).contains("- 問題：Outlook.comはIMAP・SMTPでパスワードを受け付けず").contains("2024年9月16日");
        JsonNode doc = json(cli.unlocked("doctor", "ichiro@outlook.com", "--json"));
        assertThat(doc.get("problems").asBoolean()).isTrue();
        JsonNode finding = doc.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("OAUTH_REQUIRED");
        assertThat(finding.get("severity").asText()).isEqualTo("problem");
        assertThat(finding.get("protocol").isNull()).isTrue();
    }

    @Test
    @DisplayName("a --timeout out of verify's range is exit 2 without --check too, before the vault is opened")
    void timeoutOutOfRangeWithoutCheck() {
        for (String timeout : new String[] {"0", "-5", "301"}) {
            Result r = cli.run("", "doctor", "taro@example.jp", "--timeout", timeout);
            assertThat(r.code()).as(timeout).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .isEqualTo("vault: --timeout must be between 0.1 and 300 seconds, not " + timeout + ".\n");
        }
    }

    @Test
    @DisplayName("--check runs a fresh check first; a healthy account exits 0")
    void checkHealthy() {
        String a = account("healthy", "right-pw", "right-pw");
        Result r = cli.unlocked("doctor", a, "--check");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("Fresh check:").contains(" OK ").contains("No problem found");
    }

    @Test
    @DisplayName("--check explains a refused login and exits 1, never printing the value")
    void checkRefused() {
        String a = account("refused", "Refused-Secret-3e9a", "other");
        Result r = cli.unlocked("doctor", a, "--check");
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("AUTH_FAILED").contains("refused the login as " + a);
        assertThat(r.both()).doesNotContain("Refused-Secret");
    }
}
