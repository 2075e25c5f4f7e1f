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
}
