package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.expect;
import static dev.mailvault.core.verify.ScriptedServer.send;
import static dev.mailvault.core.verify.ScriptedServer.serveImap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Jakarta Mail's debug output")
class DebugOutputTest {
    private static final String LOGIN = "carol@example.jp";
    private static final String PASSWORD = "pässwörd\"with\\quotes 42";

    /** Every form in which the password could leak into a trace. */
    private static List<String> forbidden() {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] pw = PASSWORD.getBytes(StandardCharsets.UTF_8);
        return List.of(
                PASSWORD,
                b64.encodeToString(pw),
                b64.encodeToString(("\0" + LOGIN + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((LOGIN + "\0" + LOGIN + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "pässwörd\\\"with\\\\quotes 42");
    }

    private static String run(
            List<Endpoint> endpoints, List<Protocol> protocols, List<String> passwords, TrustAnchors trust) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream debug = new PrintStream(captured, true, StandardCharsets.UTF_8);
        VerifyOptions options = new VerifyOptions(Duration.ofSeconds(10), Clock.systemUTC()).withDebugOutput(debug);
        try (LoginChecker checker = LoginChecker.jakartaMail(options)) {
            for (int i = 0; i < endpoints.size(); i++) {
                for (String password : passwords) {
                    try (Secret secret = Secret.copyOf(password.toCharArray())) {
                        checker.check(
                                new VerifyTarget(protocols.get(i), endpoints.get(i), LOGIN, secret, trust, null),
                                CheckResult.Slot.CURRENT);
                    }
                }
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("traces IMAP and SMTP logins against GreenMail without the password in any form")
    void greenMail() {
        try (GreenMailServer server = new GreenMailServer()) {
            server.user(LOGIN, PASSWORD);
            String trace = run(
                    List.of(server.imaps("127.0.0.1"), server.smtps("127.0.0.1")),
                    List.of(Protocol.IMAP, Protocol.SMTP),
                    List.of(PASSWORD, PASSWORD + "-wrong"),
                    server.trustRoot());

            assertThat(trace)
                    .as("debug output is on")
                    .contains("CAPABILITY")
                    .contains("EHLO")
                    .contains(LOGIN);
            for (String form : forbidden()) {
                assertThat(trace).doesNotContain(form);
            }
        }
    }

    @Test
    @DisplayName("removes the password when a server echoes it back after the login")
    void echoingServer() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        try (ScriptedServer server = ScriptedServer.imap(
                TestTls.serverContext(TestTls.loopback()),
                send("* OK [CAPABILITY IMAP4rev1] ready"),
                expect("LOGIN"),
                send("{tag} OK LOGIN completed"),
                expect("CAPABILITY"),
                send("* CAPABILITY IMAP4rev1", "* OK you typed " + PASSWORD + " = " + base64, "{tag} OK done"),
                serveImap())) {
            String trace = run(
                    List.of(new Endpoint("127.0.0.1", server.port(), Security.TLS)),
                    List.of(Protocol.IMAP),
                    List.of(PASSWORD),
                    TrustAnchors.withCa(TestTls.ca().pem()));

            assertThat(trace).contains("you typed").contains("[password removed]");
            for (String form : forbidden()) {
                assertThat(trace).doesNotContain(form);
            }
        }
    }

    @Test
    @DisplayName("shows a server's escape sequences and bidi overrides as spaces, one trace line per line")
    void hostileServer() throws Exception {
        try (ScriptedServer server = ScriptedServer.imap(
                TestTls.serverContext(TestTls.loopback()),
                send("* OK [CAPABILITY IMAP4rev1] ready"),
                expect("LOGIN"),
                send("{tag} NO " + HostileText.TRAP),
                serveImap())) {
            String trace = run(
                    List.of(new Endpoint("127.0.0.1", server.port(), Security.TLS)),
                    List.of(Protocol.IMAP),
                    List.of(PASSWORD),
                    TrustAnchors.withCa(TestTls.ca().pem()));

            assertThat(trace).contains("0;pwned");
            trace.lines().forEach(HostileText::assertPrintable);
        }
    }
}
