package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import dev.mailvault.cli.input.Terminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vault pin against a real GreenMail over TLS")
class PinCommandTest extends ServerTestBase {

    @Test
    @DisplayName("stores the servers' certificates: show displays the fingerprint, and verify still logs in")
    void pins() {
        String a = account("pin", "right-pw", "right-pw");
        String fingerprint = server.served().sha256();

        Result r = cli.unlocked("pin", a, "--yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("IMAP server 127.0.0.1:" + server.imapPort())
                .contains("SMTP server 127.0.0.1:" + server.smtpPort())
                .contains("Subject  CN=127.0.0.1")
                .contains(fingerprint);
        assertThat(cli.unlocked("show", a).out())
                .contains("Pinned IMAP certificate (SHA-256)  " + fingerprint)
                .contains("Pinned SMTP certificate (SHA-256)  " + fingerprint);
        assertThat(cli.unlocked("verify", a).code()).isZero();
    }

    @Test
    @DisplayName("asks at a terminal; without one and without --yes it refuses with exit 2")
    void confirmation() {
        String a = account("pinask", "right-pw", "right-pw");
        byte[] before = cli.vaultBytes();
        Result refused = cli.unlocked("pin", a);
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--yes");
        assertThat(cli.vaultBytes()).isEqualTo(before);

        ScriptedTerminal no = new ScriptedTerminal("n");
        cli.terminal = no;
        Result declined = cli.unlocked("pin", a);
        assertThat(declined.code()).isZero();
        assertThat(declined.out()).contains(server.served().sha256()).contains("Nothing was pinned");
        assertThat(no.prompts).singleElement().asString().contains("accept only these certificates");
        cli.terminal = Terminal.NONE;
        assertThat(cli.unlocked("show", a).out()).doesNotContain("Pinned IMAP");
    }

    @Test
    @DisplayName(
            "a certificate that cannot be fetched: the reason once, in the chosen language; exit 1, nothing stored")
    void fetchFails() throws Exception {
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        String a = "pinfail@mv-cli.example";
        String endpoint = "127.0.0.1:" + closed + ":tls";
        assertThat(cli.unlockedWith("pw\n", "add", a, "--imap", endpoint, "--smtp", endpoint)
                        .code())
                .isZero();
        byte[] before = cli.vaultBytes();

        Result en = cli.unlocked("pin", a, "--yes");
        Result ja = cli.unlocked("--lang", "ja", "pin", a, "--yes");

        assertThat(en.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(en.err())
                .contains("vault: could not fetch the IMAP certificate from " + endpoint
                        + ": CONNECT_REFUSED (the connection to 127.0.0.1:" + closed + " was refused")
                .doesNotContain("could not fetch the certificate of");
        assertThat(ja.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ja.err())
                .contains("から IMAP の証明書を取得できませんでした：CONNECT_REFUSED（127.0.0.1:" + closed + " への接続が拒否されました")
                .doesNotContain("was refused");
        assertThat(cli.vaultBytes()).isEqualTo(before);
    }
}
