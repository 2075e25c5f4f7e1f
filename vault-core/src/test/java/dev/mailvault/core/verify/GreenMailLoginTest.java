package dev.mailvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Login checks against a real GreenMail over TLS")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GreenMailLoginTest {
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String LOGIN = "alice@example.com";

    private GreenMailServer server;
    private LoginChecker checker;

    @BeforeAll
    void start() {
        server = new GreenMailServer();
        server.user(LOGIN, "correct horse");
        checker = LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    void stop() {
        checker.close();
        server.close();
    }

    private CheckResult check(Protocol protocol, Endpoint endpoint, String password, TrustAnchors trust) {
        return check(protocol, endpoint, password, trust, ProviderRules.NONE);
    }

    private CheckResult check(
            Protocol protocol, Endpoint endpoint, String password, TrustAnchors trust, ProviderRules rules) {
        try (Secret secret = Secret.copyOf(password.toCharArray())) {
            return checker.check(
                    new VerifyTarget(protocol, endpoint, LOGIN, secret, trust, rules), CheckResult.Slot.CURRENT);
        }
    }

    @Nested
    @DisplayName("with the server's CA trusted for the account")
    class Trusted {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Protocol.class)
        @DisplayName("the right password is OK")
        void rightPassword(Protocol protocol) {
            server.assumeLoopbackCertificate();
            CheckResult r =
                    check(protocol, server.endpoint(protocol, "127.0.0.1"), "correct horse", server.trustRoot());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
            assertThat(r.protocol()).isEqualTo(protocol);
            assertThat(r.credential()).isEqualTo(CheckResult.Slot.CURRENT);
            assertThat(r.host()).isEqualTo("127.0.0.1");
            assertThat(r.port())
                    .isEqualTo(server.endpoint(protocol, "127.0.0.1").port());
            assertThat(r.at()).isEqualTo(NOW);
        }

        @Test
        @DisplayName("a wrong IMAP password is AUTH_FAILED with GreenMail's text")
        void wrongImapPassword() {
            server.assumeLoopbackCertificate();
            CheckResult r = check(Protocol.IMAP, server.imaps("127.0.0.1"), "battery staple", server.trustRoot());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
            assertThat(r.message()).contains("Invalid login/password");
        }

        @Test
        @DisplayName("a wrong SMTP password is AUTH_FAILED with code 535 5.7.8")
        void wrongSmtpPassword() {
            server.assumeLoopbackCertificate();
            CheckResult r = check(Protocol.SMTP, server.smtps("127.0.0.1"), "battery staple", server.trustRoot());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
            assertThat(r.code()).isEqualTo("535 5.7.8");
        }

        @Test
        @DisplayName("a provider where any refusal means an app password turns AUTH_FAILED into APP_PASSWORD_REQUIRED")
        void appPasswordProvider() {
            server.assumeLoopbackCertificate();
            ProviderRules icloudLike = new ProviderRules(List.of(), true, false);
            CheckResult r =
                    check(Protocol.IMAP, server.imaps("127.0.0.1"), "battery staple", server.trustRoot(), icloudLike);

            assertThat(r.outcome()).isEqualTo(Outcome.APP_PASSWORD_REQUIRED);
        }

        @Test
        @DisplayName("a provider text rule decides before the generic meaning of a refusal")
        void providerTextRule() {
            server.assumeLoopbackCertificate();
            ProviderRules rules = new ProviderRules(
                    List.of(new ProviderRules.TextRule(Pattern.compile("invalid login"), Outcome.ACCOUNT_LOCKED)),
                    false,
                    false);
            CheckResult r =
                    check(Protocol.IMAP, server.imaps("127.0.0.1"), "battery staple", server.trustRoot(), rules);

            assertThat(r.outcome()).isEqualTo(Outcome.ACCOUNT_LOCKED);
        }

        @Test
        @DisplayName("the certificate for 127.0.0.1 reached as localhost is TLS_HOSTNAME_MISMATCH")
        void otherHostName() {
            server.assumeLoopbackCertificate();
            CheckResult r = check(Protocol.IMAP, server.imaps("localhost"), "correct horse", server.trustRoot());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_HOSTNAME_MISMATCH);
            assertThat(r.message()).contains("127.0.0.1").contains("localhost");
        }
    }

    @Nested
    @DisplayName("with a pinned certificate")
    class Pinned {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Protocol.class)
        @DisplayName("the pinned certificate itself is trusted")
        void samePin(Protocol protocol) {
            server.assumeLoopbackCertificate();
            CheckResult r = check(
                    protocol,
                    server.endpoint(protocol, "127.0.0.1"),
                    "correct horse",
                    TrustAnchors.pinned(server.served().der()));

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        }

        @Test
        @DisplayName("a changed certificate is TLS_CERT_INVALID naming both fingerprints")
        void changedPin() {
            LocalCertificate old = TestTls.loopback();
            CheckResult r =
                    check(Protocol.SMTP, server.smtps("127.0.0.1"), "correct horse", TrustAnchors.pinned(old.der()));

            assertThat(r.outcome()).isEqualTo(Outcome.TLS_CERT_INVALID);
            assertThat(r.message())
                    .contains(old.sha256Fingerprint())
                    .contains(server.served().sha256());
        }
    }

    @Nested
    @DisplayName("without trust in the server's certificate")
    class Untrusted {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Protocol.class)
        @DisplayName("the runtime's CAs alone do not trust it: TLS_CERT_INVALID")
        void systemOnly(Protocol protocol) {
            CheckResult r =
                    check(protocol, server.endpoint(protocol, "127.0.0.1"), "correct horse", TrustAnchors.system());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_CERT_INVALID);
            assertThat(r.message())
                    .contains("not trusted: no certificate authority trusted here issued it")
                    .doesNotContain("PKIX")
                    .doesNotContain("sun.security");
            assertThat(CheckTexts.message(r, Locale.JAPANESE)).contains("信頼している認証局が発行したものではありません");
        }

        @Test
        @DisplayName("another CA does not trust it either")
        void otherCa() {
            LocalCertificate otherCa =
                    LocalCertificate.builder().certificateAuthority().build();
            CheckResult r = check(
                    Protocol.IMAP, server.imaps("127.0.0.1"), "correct horse", TrustAnchors.withCa(otherCa.pem()));

            assertThat(r.outcome()).isEqualTo(Outcome.TLS_CERT_INVALID);
        }
    }

    @Nested
    @DisplayName("when the connection itself fails")
    class ConnectionFailures {
        @Test
        @DisplayName("a closed port is CONNECT_REFUSED")
        void closedPort() throws IOException {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            CheckResult r = check(
                    Protocol.IMAP, new Endpoint("127.0.0.1", port, Security.TLS), "correct horse", server.trustRoot());

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CONNECT_REFUSED);
        }

        @Test
        @DisplayName("a listener whose backlog is full is CONNECT_TIMEOUT")
        void fullBacklog() throws IOException {
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<Socket> fillers = fillBacklog(listener);
                try (LoginChecker quick =
                        LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(1), Clock.systemUTC()))) {
                    try (Secret secret = Secret.copyOf("correct horse".toCharArray())) {
                        CheckResult r = quick.check(
                                new VerifyTarget(
                                        Protocol.IMAP,
                                        new Endpoint("127.0.0.1", listener.getLocalPort(), Security.TLS),
                                        LOGIN,
                                        secret,
                                        server.trustRoot(),
                                        ProviderRules.NONE),
                                CheckResult.Slot.CURRENT);

                        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.CONNECT_TIMEOUT);
                    }
                } finally {
                    for (Socket s : fillers) {
                        s.close();
                    }
                }
            }
        }

        @Test
        @DisplayName("a listener that accepts but never speaks is READ_TIMEOUT")
        void silentListener() throws IOException {
            try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                    LoginChecker quick =
                            LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(1), Clock.systemUTC()));
                    Secret secret = Secret.copyOf("correct horse".toCharArray())) {
                CheckResult r = quick.check(
                        new VerifyTarget(
                                Protocol.SMTP,
                                new Endpoint("127.0.0.1", listener.getLocalPort(), Security.TLS),
                                LOGIN,
                                secret,
                                server.trustRoot(),
                                ProviderRules.NONE),
                        CheckResult.Slot.CURRENT);

                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.READ_TIMEOUT);
            }
        }

        @Test
        @DisplayName("an OAuth-only provider is SKIPPED without connecting")
        void oauthOnly() throws IOException {
            try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                listener.setSoTimeout(1);
                CheckResult r = check(
                        Protocol.IMAP,
                        new Endpoint("127.0.0.1", listener.getLocalPort(), Security.TLS),
                        "correct horse",
                        server.trustRoot(),
                        new ProviderRules(List.of(), false, true));

                assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
                assertThat(r.message()).contains("OAuth");
                assertThat(accepts(listener)).as("connections made").isZero();
            }
        }
    }

    /** Connects until the kernel stops completing handshakes for this listener. */
    static List<Socket> fillBacklog(ServerSocket listener) throws IOException {
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 200);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return fillers;
            }
        }
        throw new IllegalStateException("the listen backlog never filled up");
    }

    private static int accepts(ServerSocket listener) throws IOException {
        int n = 0;
        while (true) {
            try (Socket ignored = listener.accept()) {
                n++;
            } catch (SocketTimeoutException e) {
                return n;
            }
        }
    }
}
