package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.dribble;
import static dev.mailvault.core.verify.ScriptedServer.expect;
import static dev.mailvault.core.verify.ScriptedServer.hold;
import static dev.mailvault.core.verify.ScriptedServer.raw;
import static dev.mailvault.core.verify.ScriptedServer.send;
import static dev.mailvault.core.verify.ScriptedServer.serveImap;
import static dev.mailvault.core.verify.ScriptedServer.serveSmtp;
import static dev.mailvault.core.verify.ScriptedServer.stall;
import static dev.mailvault.core.verify.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Login checks against scripted servers")
class ScriptedServerLoginTest {
    private static final String LOGIN = "bob@example.jp";
    private static final String PASSWORD = "Tr0ub4dor&3";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String IMAP_GREETING = "* OK [CAPABILITY IMAP4rev1] scripted IMAP ready";

    private static SSLContext serverTls;
    private static TrustAnchors trust;

    private Set<Thread> threadsBefore;

    @BeforeAll
    static void certificates() {
        serverTls = TestTls.serverContext(TestTls.loopback());
        trust = TrustAnchors.withCa(TestTls.ca().pem());
    }

    @BeforeEach
    void countThreads() {
        threadsBefore = liveThreads();
    }

    @AfterEach
    void noThreadIsLeft() throws InterruptedException {
        Set<Thread> added = liveThreads();
        added.removeAll(threadsBefore);
        for (Thread t : added) {
            // a pool thread may still be on its way out after its pool reported termination
            t.join(2000);
        }
        added.removeIf(t -> !t.isAlive());
        assertThat(added).as("threads left running").isEmpty();
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(t -> !t.isAlive());
        return threads;
    }

    /** The result of one check, and how long it took from start to result. */
    record Run(CheckResult result, Duration elapsed) {}

    private static Run check(ScriptedServer server, Protocol protocol, Security security, ProviderRules rules) {
        return check(server, protocol, security, rules, PASSWORD);
    }

    private static Run check(
            ScriptedServer server, Protocol protocol, Security security, ProviderRules rules, String password) {
        try (LoginChecker checker = LoginChecker.jakartaMail(new VerifyOptions(TIMEOUT, Clock.systemUTC()));
                Secret secret = Secret.copyOf(password.toCharArray())) {
            VerifyTarget target = new VerifyTarget(
                    protocol, new Endpoint("127.0.0.1", server.port(), security), LOGIN, secret, trust, rules);
            Instant start = Instant.now();
            CheckResult result = checker.check(target, CheckResult.Slot.PENDING);
            return new Run(result, Duration.between(start, Instant.now()));
        }
    }

    private static CheckResult imaps(ScriptedServer server) {
        return check(server, Protocol.IMAP, Security.TLS, ProviderRules.NONE).result();
    }

    private static CheckResult smtps(ScriptedServer server) {
        return check(server, Protocol.SMTP, Security.TLS, ProviderRules.NONE).result();
    }

    /** An IMAPS server that answers LOGIN with {@code reply}. */
    private static ScriptedServer imapLoginAnswering(String... reply) throws Exception {
        return ScriptedServer.imap(serverTls, send(IMAP_GREETING), expect("LOGIN"), send(reply), serveImap());
    }

    /** An SMTPS server that answers AUTH with {@code reply}. */
    private static ScriptedServer smtpAuthAnswering(String... reply) throws Exception {
        return ScriptedServer.smtp(
                serverTls,
                send("220 smtp.example.jp ESMTP ready"),
                expect("EHLO"),
                send("250-smtp.example.jp", "250 AUTH PLAIN LOGIN"),
                expect("AUTH"),
                send(reply),
                serveSmtp());
    }

    @Nested
    @DisplayName("IMAP answers")
    class ImapAnswers {
        static Stream<Arguments> rfc5530() {
            return Stream.of(
                    Arguments.of("AUTHENTICATIONFAILED", Outcome.AUTH_FAILED),
                    Arguments.of("AUTHORIZATIONFAILED", Outcome.AUTH_FAILED),
                    Arguments.of("EXPIRED", Outcome.PASSWORD_EXPIRED),
                    Arguments.of("CONTACTADMIN", Outcome.ACCOUNT_LOCKED),
                    Arguments.of("LIMIT", Outcome.RATE_LIMITED),
                    Arguments.of("UNAVAILABLE", Outcome.SERVER_UNAVAILABLE),
                    Arguments.of("PRIVACYREQUIRED", Outcome.TLS_REQUIRED));
        }

        @ParameterizedTest(name = "[{0}] is {1}")
        @MethodSource("rfc5530")
        @DisplayName("an RFC 5530 response code decides the outcome and is kept as the code")
        void responseCodes(String code, Outcome expected) throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO [" + code + "] Login refused")) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(expected);
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.message()).isEqualTo("Login refused");
                assertThat(r.credential()).isEqualTo(CheckResult.Slot.PENDING);
            }
        }

        @Test
        @DisplayName("a tagged OK is OK, and an [ALERT] on the way is kept")
        void okWithAlert() throws Exception {
            try (ScriptedServer server =
                    imapLoginAnswering("* OK [ALERT] Your password expires in 3 days", "{tag} OK LOGIN completed")) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
                assertThat(r.alert()).isEqualTo("Your password expires in 3 days");
                assertThat(server.receivedCommand("LOGOUT")).as("logged out").isTrue();
                assertThat(server.receivedCommand("SELECT"))
                        .as("no folder opened")
                        .isFalse();
            }
        }

        static Stream<Arguments> okWithResponseCode() {
            return Stream.of(
                    Arguments.of("OVERQUOTA", "Mailbox is over its quota", "OVERQUOTA"),
                    // ALERT is base IMAP's, not RFC 5530's: no code, and the alert has its own field
                    Arguments.of("ALERT", "Your password expires in 3 days", ""));
        }

        @ParameterizedTest(name = "OK [{0}] has code \"{2}\"")
        @MethodSource("okWithResponseCode")
        @DisplayName(
                "a tagged OK with a response code is OK, the code kept when RFC 5530 defines it, its text the alert")
        void okWithResponseCode(String responseCode, String text, String expectedCode) throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} OK [" + responseCode + "] " + text)) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
                assertThat(r.code()).isEqualTo(expectedCode);
                assertThat(r.alert()).isEqualTo(text);
            }
        }

        @Test
        @DisplayName("a plain NO is AUTH_FAILED")
        void plainNo() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO LOGIN failed")) {
                assertThat(imaps(server).outcome()).isEqualTo(Outcome.AUTH_FAILED);
            }
        }

        @Test
        @DisplayName("Gmail's app-password text is APP_PASSWORD_REQUIRED, its [ALERT] kept")
        void gmailAppPassword() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO [ALERT] Application-specific password required:"
                    + " https://support.google.com/accounts/answer/185833 (Failure)")) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.APP_PASSWORD_REQUIRED);
                assertThat(r.alert()).startsWith("Application-specific password required");
            }
        }

        @Test
        @DisplayName("Gmail's web-login text is ACCOUNT_LOCKED")
        void gmailWebLogin() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO [ALERT] Please log in via your web browser:"
                    + " https://support.google.com/mail/accounts/answer/78754 (Failure)")) {
                assertThat(imaps(server).outcome()).isEqualTo(Outcome.ACCOUNT_LOCKED);
            }
        }

        @Test
        @DisplayName("a BYE greeting is SERVER_UNAVAILABLE")
        void byeGreeting() throws Exception {
            try (ScriptedServer server =
                    ScriptedServer.imap(serverTls, send("* BYE Server shutting down for maintenance"))) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SERVER_UNAVAILABLE);
                assertThat(r.message()).contains("maintenance");
            }
        }

        @Test
        @DisplayName("BYE in answer to LOGIN is RATE_LIMITED")
        void byeDuringAuthentication() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("* BYE Goodbye")) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.RATE_LIMITED);
            }
        }

        @Test
        @DisplayName("BAD is PROTOCOL_ERROR")
        void bad() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} BAD Command syntax error")) {
                assertThat(imaps(server).outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            }
        }

        @Test
        @DisplayName("LOGINDISABLED with no other password method is TLS_REQUIRED, and no password is sent")
        void loginDisabled() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls, send("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready"), serveImap())) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_REQUIRED);
                assertThat(server.receivedCommand("LOGIN")).isFalse();
            }
        }

        @Test
        @DisplayName("a pre-authenticated session is not taken as proof that the password works")
        void preauth() throws Exception {
            try (ScriptedServer server =
                    ScriptedServer.imap(serverTls, send("* PREAUTH [CAPABILITY IMAP4rev1] welcome"), serveImap())) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(r.message()).contains("not checked");
            }
        }

        @Test
        @DisplayName("AUTHENTICATE PLAIN works, and a password echoed back by the server is removed")
        void authenticatePlainAndEcho() throws Exception {
            String base64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls,
                    send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready"),
                    expect("AUTHENTICATE"),
                    send("+ "),
                    c -> c.readLine(),
                    send("{tag} NO [AUTHENTICATIONFAILED] wrong password " + PASSWORD + " aka " + base64))) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.AUTH_FAILED);
                assertThat(r.message())
                        .doesNotContain(PASSWORD)
                        .doesNotContain(base64)
                        .contains("[password removed]");
            }
        }

        @Test
        @DisplayName("a provider rule for iCloud-like servers turns AUTH_FAILED into APP_PASSWORD_REQUIRED")
        void appPasswordProvider() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO [AUTHENTICATIONFAILED] Authentication failed")) {
                CheckResult r = check(server, Protocol.IMAP, Security.TLS, new ProviderRules(List.of(), true, false))
                        .result();

                assertThat(r.outcome()).isEqualTo(Outcome.APP_PASSWORD_REQUIRED);
            }
        }
    }

    @Nested
    @DisplayName("a plain-text server on a TLS port")
    class PlainOnTlsPort {
        @Test
        @DisplayName("is PROTOCOL_ERROR naming STARTTLS, and the server never sees LOGIN")
        void imap() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(null, send(IMAP_GREETING), serveImap())) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(r.message())
                        .isEqualTo(CheckTexts.Kind.NOT_TLS.english("127.0.0.1:" + server.port()))
                        .contains(":starttls");
                assertThat(server.receivedCommand("LOGIN")).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("IMAP with STARTTLS")
    class ImapStartTls {
        @Test
        @DisplayName("STARTTLS not offered is TLS_REQUIRED, and the server never sees LOGIN")
        void notOffered() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(null, send(IMAP_GREETING), serveImap())) {
                CheckResult r = check(server, Protocol.IMAP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_REQUIRED);
                assertThat(server.received()).noneMatch(l -> l.toUpperCase().contains("LOGIN"));
                assertThat(server.received()).noneMatch(l -> l.contains(PASSWORD));
            }
        }

        @Test
        @DisplayName("STARTTLS offered, then refused, is TLS_REQUIRED, and the server never sees LOGIN")
        void refused() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    null,
                    send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"),
                    expect("STARTTLS"),
                    send("{tag} NO TLS is not available right now"),
                    serveImap())) {
                CheckResult r = check(server, Protocol.IMAP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_REQUIRED);
                assertThat(server.receivedCommand("LOGIN")).isFalse();
            }
        }

        @Test
        @DisplayName("STARTTLS with a trusted certificate logs in: OK")
        void works() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    null,
                    send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready"),
                    expect("STARTTLS"),
                    send("{tag} OK Begin TLS negotiation now"),
                    startTls(serverTls),
                    expect("CAPABILITY"),
                    send("* CAPABILITY IMAP4rev1", "{tag} OK CAPABILITY completed"),
                    expect("LOGIN"),
                    send("{tag} OK LOGIN completed"),
                    serveImap())) {
                CheckResult r = check(server, Protocol.IMAP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
            }
        }

        @Test
        @DisplayName("STARTTLS to a certificate for another CA is TLS_CERT_INVALID, before LOGIN")
        void untrustedAfterStartTls() throws Exception {
            SSLContext stranger = TestTls.serverContext(
                    LocalCertificate.builder("ip:127.0.0.1").build());
            try (ScriptedServer server = ScriptedServer.imap(
                    null,
                    send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"),
                    expect("STARTTLS"),
                    send("{tag} OK Begin TLS negotiation now"),
                    startTls(stranger),
                    serveImap())) {
                CheckResult r = check(server, Protocol.IMAP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_CERT_INVALID);
                assertThat(server.receivedCommand("LOGIN")).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("SMTP answers")
    class SmtpAnswers {
        static Stream<Arguments> replies() {
            return Stream.of(
                    Arguments.of(
                            List.of("535 5.7.8 Username and Password not accepted"), Outcome.AUTH_FAILED, "535 5.7.8"),
                    Arguments.of(
                            List.of(
                                    "534-5.7.9 Application-specific password required. Learn more at",
                                    "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor"),
                            Outcome.APP_PASSWORD_REQUIRED,
                            "534 5.7.9"),
                    Arguments.of(
                            List.of(
                                    "534-5.7.14 <https://accounts.google.com/signin/continue> Please log in via your",
                                    "534 5.7.14 web browser and then try again."),
                            Outcome.ACCOUNT_LOCKED,
                            "534 5.7.14"),
                    Arguments.of(
                            List.of("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."),
                            Outcome.OAUTH_REQUIRED,
                            "535 5.7.139"),
                    Arguments.of(
                            List.of("550 5.7.30 Basic authentication is not supported for Client Submission."),
                            Outcome.OAUTH_REQUIRED,
                            "550 5.7.30"),
                    Arguments.of(
                            List.of("432 4.7.12 A password transition is needed"),
                            Outcome.PASSWORD_EXPIRED,
                            "432 4.7.12"),
                    Arguments.of(
                            List.of("454 4.7.0 Too many login attempts, please try again later."),
                            Outcome.RATE_LIMITED,
                            "454 4.7.0"),
                    Arguments.of(
                            List.of("454 4.7.0 Temporary authentication failure"),
                            Outcome.SERVER_UNAVAILABLE,
                            "454 4.7.0"),
                    Arguments.of(
                            List.of("421 4.7.0 Too many connections from your host"),
                            Outcome.RATE_LIMITED,
                            "421 4.7.0"),
                    Arguments.of(
                            List.of("421 4.3.2 Service not available, closing transmission channel"),
                            Outcome.SERVER_UNAVAILABLE,
                            "421 4.3.2"),
                    Arguments.of(
                            List.of("538 5.7.11 Encryption required for requested authentication mechanism"),
                            Outcome.TLS_REQUIRED,
                            "538 5.7.11"),
                    Arguments.of(List.of("502 5.5.1 Unrecognized command"), Outcome.PROTOCOL_ERROR, "502 5.5.1"));
        }

        @ParameterizedTest(name = "{0} is {1}")
        @MethodSource("replies")
        @DisplayName("the reply code and provider texts decide the outcome")
        void replies(List<String> reply, Outcome expected, String code) throws Exception {
            try (ScriptedServer server = smtpAuthAnswering(reply.toArray(new String[0]))) {
                CheckResult r = smtps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(expected);
                assertThat(r.code()).isEqualTo(code);
            }
        }

        @Test
        @DisplayName("235 is OK, and QUIT follows")
        void ok() throws Exception {
            try (ScriptedServer server = smtpAuthAnswering("235 2.7.0 Accepted")) {
                CheckResult r = smtps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
                assertThat(server.receivedCommand("QUIT")).isTrue();
                assertThat(server.receivedCommand("MAIL")).as("no mail sent").isFalse();
            }
        }

        @Test
        @DisplayName("a 421 greeting is SERVER_UNAVAILABLE and a 554 greeting too")
        void refusingGreetings() throws Exception {
            try (ScriptedServer busy = ScriptedServer.smtp(serverTls, send("421 4.3.2 Too busy, try later"));
                    ScriptedServer none = ScriptedServer.smtp(serverTls, send("554 No SMTP service here"))) {
                assertThat(smtps(busy).outcome()).isEqualTo(Outcome.SERVER_UNAVAILABLE);
                assertThat(smtps(none).outcome()).isEqualTo(Outcome.SERVER_UNAVAILABLE);
            }
        }

        @Test
        @DisplayName("a server that offers no AUTH is not taken as proof that the password works")
        void noAuthOffered() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(
                    serverTls,
                    send("220 smtp.example.jp ESMTP ready"),
                    expect("EHLO"),
                    send("250-smtp.example.jp", "250 SIZE 35882577"),
                    serveSmtp())) {
                CheckResult r = smtps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(r.message()).contains("not checked");
            }
        }

        @Test
        @DisplayName("an IMAP server on the SMTP port is PROTOCOL_ERROR")
        void wrongProtocol() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(serverTls, send(IMAP_GREETING), hold())) {
                CheckResult r = smtps(server);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PROTOCOL_ERROR);
            }
        }
    }

    @Nested
    @DisplayName("SMTP with STARTTLS")
    class SmtpStartTls {
        @Test
        @DisplayName("STARTTLS not offered is TLS_REQUIRED, and the server never sees AUTH")
        void notOffered() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(
                    null,
                    send("220 smtp.example.jp ESMTP ready"),
                    expect("EHLO"),
                    send("250-smtp.example.jp", "250 AUTH PLAIN LOGIN"),
                    serveSmtp())) {
                CheckResult r = check(server, Protocol.SMTP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_REQUIRED);
                assertThat(server.receivedCommand("AUTH")).isFalse();
            }
        }

        @Test
        @DisplayName("STARTTLS offered, then refused, is TLS_REQUIRED, and the server never sees AUTH")
        void refused() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(
                    null,
                    send("220 smtp.example.jp ESMTP ready"),
                    expect("EHLO"),
                    send("250-smtp.example.jp", "250-STARTTLS", "250 AUTH PLAIN LOGIN"),
                    expect("STARTTLS"),
                    send("454 4.7.0 TLS not available due to temporary reason"),
                    serveSmtp())) {
                CheckResult r = check(server, Protocol.SMTP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_REQUIRED);
                assertThat(r.code()).isEqualTo("454 4.7.0");
                assertThat(server.receivedCommand("AUTH")).isFalse();
            }
        }

        @Test
        @DisplayName("STARTTLS with a trusted certificate, then AUTH: OK")
        void works() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(
                    null,
                    send("220 smtp.example.jp ESMTP ready"),
                    expect("EHLO"),
                    send("250-smtp.example.jp", "250 STARTTLS"),
                    expect("STARTTLS"),
                    send("220 2.0.0 Ready to start TLS"),
                    startTls(serverTls),
                    expect("EHLO"),
                    send("250-smtp.example.jp", "250 AUTH PLAIN LOGIN"),
                    expect("AUTH"),
                    send("235 2.7.0 Accepted"),
                    serveSmtp())) {
                CheckResult r = check(server, Protocol.SMTP, Security.STARTTLS, ProviderRules.NONE)
                        .result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
            }
        }
    }

    @Nested
    @DisplayName("hostile servers end within the timeout plus 2 s")
    class Hostile {
        private final Duration limit = TIMEOUT.plusSeconds(2);

        private Run imap(ScriptedServer server) {
            Run run = check(server, Protocol.IMAP, Security.TLS, ProviderRules.NONE);
            assertThat(run.elapsed()).as("time to a result").isLessThan(limit);
            return run;
        }

        @Test
        @DisplayName("no greeting at all: READ_TIMEOUT")
        void noGreeting() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(serverTls, hold())) {
                assertThat(imap(server).result().outcome()).isEqualTo(Outcome.READ_TIMEOUT);
            }
        }

        @Test
        @DisplayName("a server hung after the handshake (it reads nothing either): READ_TIMEOUT at the read timeout")
        void hungAfterHandshake() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(serverTls, stall())) {
                Run run = imap(server);

                assertThat(run.result().outcome()).isEqualTo(Outcome.READ_TIMEOUT);
                // the read timeout, not the overall deadline (twice as long): closing a TLS 1.3
                // connection, the JDK used to wait one more read timeout for the server's answer
                assertThat(run.result().message()).doesNotContain("overall limit");
            }
        }

        @Test
        @DisplayName("a greeting, then silence: READ_TIMEOUT")
        void greetingThenSilence() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(serverTls, send("* OK ready"), hold())) {
                assertThat(imap(server).result().outcome()).isEqualTo(Outcome.READ_TIMEOUT);
            }
        }

        @Test
        @DisplayName("a greeting sent one byte a second is cut off by the overall deadline: READ_TIMEOUT")
        void slowGreeting() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls, dribble("* OK a very slow server greets you\r\n", Duration.ofMillis(900)))) {
                Run run = imap(server);

                assertThat(run.result().outcome()).isEqualTo(Outcome.READ_TIMEOUT);
                assertThat(run.result().message()).contains("overall limit");
            }
        }

        @Test
        @DisplayName("a 10 MB line without a line end: PROTOCOL_ERROR")
        void endlessLine() throws Exception {
            byte[] line = new byte[10 * 1024 * 1024];
            Arrays.fill(line, (byte) 'a');
            try (ScriptedServer server =
                    ScriptedServer.imap(serverTls, raw("* OK ".getBytes(StandardCharsets.US_ASCII)), raw(line))) {
                CheckResult r = imap(server).result();

                assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(r.message()).contains("line longer than");
            }
        }

        @Test
        @DisplayName("an IMAP literal announcing 2 GB: PROTOCOL_ERROR, nothing allocated for it")
        void hugeLiteral() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls, send(IMAP_GREETING), expect("LOGIN"), send("* 1 FETCH (BODY[] {2000000000}"), hold())) {
                CheckResult r = imap(server).result();

                assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(r.message()).contains("literal");
            }
        }

        @Test
        @DisplayName("invalid UTF-8 in the greeting and the answer: still AUTH_FAILED, bad bytes replaced")
        void invalidUtf8() throws Exception {
            byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls,
                    c -> c.write(concat("* OK [CAPABILITY IMAP4rev1] caf", bad, "\r\n")),
                    expect("LOGIN"),
                    c -> c.write(concat(c.tag() + " NO [AUTHENTICATIONFAILED] wrong ", bad, "\r\n")),
                    hold())) {
                CheckResult r = imap(server).result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
                assertThat(r.message()).startsWith("wrong ").contains("\uFFFD");
            }
        }

        private static byte[] concat(String head, byte[] middle, String tail) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(middle);
            out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        @Test
        @DisplayName("BYE during authentication: RATE_LIMITED")
        void byeDuringAuthentication() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    serverTls, send(IMAP_GREETING), expect("LOGIN"), send("* BYE Autologout; too many attempts"))) {
                assertThat(imap(server).result().outcome()).isEqualTo(Outcome.RATE_LIMITED);
            }
        }

        @Test
        @DisplayName("STARTTLS offered, then refused: TLS_REQUIRED")
        void startTlsRefused() throws Exception {
            try (ScriptedServer server = ScriptedServer.imap(
                    null,
                    send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"),
                    expect("STARTTLS"),
                    send("{tag} BAD STARTTLS disabled"),
                    hold())) {
                Run run = check(server, Protocol.IMAP, Security.STARTTLS, ProviderRules.NONE);

                assertThat(run.elapsed()).isLessThan(limit);
                assertThat(run.result().outcome()).isEqualTo(Outcome.TLS_REQUIRED);
            }
        }

        @Test
        @DisplayName("TLS with an expired certificate: TLS_CERT_INVALID, one connection only")
        void expiredCertificate() throws Exception {
            LocalCertificate expired = LocalCertificate.builder("ip:127.0.0.1")
                    .issuedBy(TestTls.ca())
                    .validity(
                            Instant.now().minus(Duration.ofDays(30)),
                            Instant.now().minus(Duration.ofDays(1)))
                    .build();
            try (ScriptedServer server =
                    ScriptedServer.imap(TestTls.serverContext(expired), send(IMAP_GREETING), serveImap())) {
                CheckResult r = imap(server).result();

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_CERT_INVALID);
                assertThat(r.message()).contains("expired");
                assertThat(server.connections())
                        .as("no retry with another socket factory")
                        .isEqualTo(1);
            }
        }

        @Test
        @DisplayName("an SMTP server answering one byte a second: READ_TIMEOUT")
        void slowSmtp() throws Exception {
            try (ScriptedServer server = ScriptedServer.smtp(
                    serverTls, dribble("220 a very slow server greets you\r\n", Duration.ofMillis(900)))) {
                Run run = check(server, Protocol.SMTP, Security.TLS, ProviderRules.NONE);

                assertThat(run.elapsed()).isLessThan(limit);
                assertThat(run.result().outcome()).isEqualTo(Outcome.READ_TIMEOUT);
            }
        }
    }

    @Nested
    @DisplayName("a server's texts are shown as plain text")
    class TerminalSafe {

        @Test
        @DisplayName("escape sequences, NUL, CR and bidi overrides in an IMAP answer and its alert become spaces")
        void imapAnswer() throws Exception {
            try (ScriptedServer server = imapLoginAnswering("{tag} NO [ALERT] " + HostileText.TRAP)) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.AUTH_FAILED);
                HostileText.assertPrintable(r.message());
                HostileText.assertPrintable(r.alert());
                assertThat(r.message()).contains("0;pwned").contains("I");
            }
        }

        @Test
        @DisplayName("the same in an SMTP reply")
        void smtpReply() throws Exception {
            try (ScriptedServer server = smtpAuthAnswering("535 5.7.8 " + HostileText.TRAP)) {
                CheckResult r = smtps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.AUTH_FAILED);
                assertThat(r.code()).isEqualTo("535 5.7.8");
                HostileText.assertPrintable(r.message());
            }
        }

        @Test
        @DisplayName("the same in the name of an untrusted certificate, which the result quotes")
        void certificateName() throws Exception {
            SSLContext evil = TestTls.serverContext(LocalCertificate.builder("ip:127.0.0.1")
                    .commonName(HostileText.TRAP.replace(';', ':'))
                    .build());
            try (ScriptedServer server = ScriptedServer.imap(evil, send(IMAP_GREETING), serveImap())) {
                CheckResult r = imaps(server);

                assertThat(r.outcome()).isEqualTo(Outcome.TLS_CERT_INVALID);
                assertThat(r.message()).contains("0:pwned");
                HostileText.assertPrintable(r.message());
            }
        }

        @Test
        @DisplayName("a password with a tab in it, echoed by the server, is still removed")
        void echoedPasswordWithTab() throws Exception {
            String password = "tab\there-Secret-9";
            try (ScriptedServer server = imapLoginAnswering("{tag} NO wrong password " + password)) {
                CheckResult r = check(server, Protocol.IMAP, Security.TLS, ProviderRules.NONE, password)
                        .result();

                assertThat(r.outcome()).isEqualTo(Outcome.AUTH_FAILED);
                assertThat(r.message())
                        .isEqualTo("wrong password [password removed]")
                        .doesNotContain("here-Secret-9");
            }
        }
    }
}
