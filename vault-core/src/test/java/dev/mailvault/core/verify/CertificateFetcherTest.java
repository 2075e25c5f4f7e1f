package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.expect;
import static dev.mailvault.core.verify.ScriptedServer.hold;
import static dev.mailvault.core.verify.ScriptedServer.send;
import static dev.mailvault.core.verify.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.Fingerprints;
import dev.mailvault.core.crypto.LocalCertificate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fetching a server's certificate for pinning")
class CertificateFetcherTest {
    private CertificateFetcher fetcher;

    @BeforeEach
    void open() {
        fetcher = CertificateFetcher.create(new VerifyOptions(Duration.ofSeconds(2), Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        fetcher.close();
    }

    @Test
    @DisplayName("over implicit TLS gives GreenMail's certificate for IMAPS and SMTPS")
    void implicitTls() {
        try (GreenMailServer server = new GreenMailServer()) {
            ServerCertificate imap = fetcher.fetch(Protocol.IMAP, server.imaps("127.0.0.1"));
            ServerCertificate smtp = fetcher.fetch(Protocol.SMTP, server.smtps("127.0.0.1"));

            assertThat(imap.sha256()).isEqualTo(Fingerprints.sha256(imap.der())).isEqualTo(smtp.sha256());
            assertThat(imap.chainDer()).isNotEmpty();
            assertThat(imap.chainDer().get(0)).isEqualTo(imap.der());
        }
    }

    @Test
    @DisplayName("over IMAP STARTTLS, sending nothing but STARTTLS")
    void imapStartTls() throws Exception {
        LocalCertificate cert = TestTls.loopback();
        try (ScriptedServer server = ScriptedServer.imap(
                null,
                send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"),
                expect("STARTTLS"),
                send("{tag} OK Begin TLS negotiation now"),
                startTls(TestTls.serverContext(cert)),
                hold())) {
            ServerCertificate fetched =
                    fetcher.fetch(Protocol.IMAP, new Endpoint("127.0.0.1", server.port(), Security.STARTTLS));

            assertThat(fetched.sha256()).isEqualTo(cert.sha256Fingerprint());
            assertThat(fetched.names()).containsExactly("127.0.0.1");
            assertThat(fetched.chainDer()).hasSize(2);
            assertThat(server.received()).containsExactly("a STARTTLS");
        }
    }

    @Test
    @DisplayName("over SMTP STARTTLS, after EHLO")
    void smtpStartTls() throws Exception {
        LocalCertificate cert = LocalCertificate.builder("dns:mail.example.jp")
                .keyType(LocalCertificate.KeyType.RSA)
                .build();
        try (ScriptedServer server = ScriptedServer.smtp(
                null,
                send("220 mail.example.jp ESMTP"),
                expect("EHLO"),
                send("250-mail.example.jp", "250 STARTTLS"),
                expect("STARTTLS"),
                send("220 2.0.0 Ready to start TLS"),
                startTls(TestTls.serverContext(cert)),
                hold())) {
            ServerCertificate fetched =
                    fetcher.fetch(Protocol.SMTP, new Endpoint("127.0.0.1", server.port(), Security.STARTTLS));

            assertThat(fetched.sha256()).isEqualTo(cert.sha256Fingerprint());
            assertThat(fetched.subject()).isEqualTo("CN=mail.example.jp");
            assertThat(server.received()).containsExactly("EHLO localhost", "STARTTLS");
        }
    }

    @Test
    @DisplayName("refused STARTTLS is TLS_REQUIRED")
    void refused() throws Exception {
        try (ScriptedServer server = ScriptedServer.imap(
                null,
                send("* OK [CAPABILITY IMAP4rev1] ready"),
                expect("STARTTLS"),
                send("{tag} BAD unknown command"),
                hold())) {
            Endpoint endpoint = new Endpoint("127.0.0.1", server.port(), Security.STARTTLS);

            assertThatThrownBy(() -> fetcher.fetch(Protocol.IMAP, endpoint))
                    .isInstanceOfSatisfying(
                            CertificateFetchException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.TLS_REQUIRED));
        }
    }

    @Test
    @DisplayName("a closed port is CONNECT_REFUSED, a silent one READ_TIMEOUT")
    void connectionFailures() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher.fetch(Protocol.IMAP, new Endpoint("127.0.0.1", closedPort, Security.TLS)))
                .isInstanceOfSatisfying(
                        CertificateFetchException.class,
                        e -> assertThat(e.outcome()).isEqualTo(Outcome.CONNECT_REFUSED));
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Endpoint endpoint = new Endpoint("127.0.0.1", silent.getLocalPort(), Security.TLS);
            assertThatThrownBy(() -> fetcher.fetch(Protocol.SMTP, endpoint))
                    .isInstanceOfSatisfying(
                            CertificateFetchException.class,
                            e -> assertThat(e.outcome()).isEqualTo(Outcome.READ_TIMEOUT));
        }
    }

    @Test
    @DisplayName("names with escape sequences and bidi overrides in them are shown with spaces there")
    void hostileNames() throws Exception {
        LocalCertificate ca = LocalCertificate.builder()
                .commonName(HostileText.TRAP.replace(';', ':'))
                .certificateAuthority()
                .build();
        LocalCertificate cert = LocalCertificate.builder("ip:127.0.0.1")
                .commonName(HostileText.TRAP.replace(';', ':'))
                .issuedBy(ca)
                .build();
        try (ScriptedServer server = ScriptedServer.imap(TestTls.serverContext(cert), hold())) {
            ServerCertificate fetched =
                    fetcher.fetch(Protocol.IMAP, new Endpoint("127.0.0.1", server.port(), Security.TLS));

            assertThat(fetched.sha256()).isEqualTo(cert.sha256Fingerprint());
            assertThat(fetched.subject()).contains("0:pwned");
            HostileText.assertPrintable(fetched.subject());
            HostileText.assertPrintable(fetched.issuer());
            fetched.names().forEach(HostileText::assertPrintable);
        }
    }

    @Test
    @DisplayName("a refusal quoted in the error is shown as plain text")
    void hostileRefusal() throws Exception {
        try (ScriptedServer server = ScriptedServer.imap(
                null,
                send("* OK [CAPABILITY IMAP4rev1] ready"),
                expect("STARTTLS"),
                send("{tag} BAD " + HostileText.TRAP),
                hold())) {
            Endpoint endpoint = new Endpoint("127.0.0.1", server.port(), Security.STARTTLS);

            assertThatThrownBy(() -> fetcher.fetch(Protocol.IMAP, endpoint))
                    .isInstanceOfSatisfying(
                            CertificateFetchException.class, e -> HostileText.assertPrintable(e.getMessage()));
        }
    }
}
