package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.send;
import static dev.mailvault.core.verify.ScriptedServer.serveImap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The checks of a run resume each other's TLS sessions only when they trust the same anchors. The
 * server counts how often it presents its certificate: a resumed handshake does not.
 */
@DisplayName("TLS sessions are resumed between checks with the same trust, never across trusts")
class TlsSessionReuseTest {
    private static final String GREETING = "* OK [CAPABILITY IMAP4rev1] scripted IMAP ready";

    private final LocalCertificate serverCertificate = TestTls.loopback();
    private final AtomicInteger presented = new AtomicInteger();
    private ScriptedServer server;
    private LoginChecker checker;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.imap(countingServerContext(), send(GREETING), serveImap());
        checker = LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(5), Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        checker.close();
        server.close();
    }

    private CheckResult check(TrustAnchors trust) {
        try (Secret secret = Secret.copyOf("pw".toCharArray())) {
            VerifyTarget target = new VerifyTarget(
                    Protocol.IMAP,
                    new Endpoint("127.0.0.1", server.port(), Security.TLS),
                    "bob@example.jp",
                    secret,
                    trust,
                    ProviderRules.NONE);
            return checker.check(target, CheckResult.Slot.CURRENT);
        }
    }

    @Test
    @DisplayName("later checks with equal anchors resume: the server presents its certificate once")
    void sameTrustResumes() {
        // three anchors made apart from the same PEM: equal by content, not the same object
        CheckResult first = check(TrustAnchors.withCa(TestTls.ca().pem()));
        assertThat(first.outcome()).as(first.message()).isEqualTo(Outcome.OK);
        int afterFirst = presented.get();
        assertThat(afterFirst).isPositive();

        for (int i = 0; i < 2; i++) {
            CheckResult later = check(TrustAnchors.withCa(TestTls.ca().pem()));
            assertThat(later.outcome()).as(later.message()).isEqualTo(Outcome.OK);
        }

        assertThat(presented.get()).as("certificate presented again").isEqualTo(afterFirst);
        assertThat(server.connections()).isEqualTo(3);
    }

    @Test
    @DisplayName("a session made under other anchors is not resumed: untrusted stays untrusted")
    void otherTrustDoesNotResume() {
        CheckResult trusted = check(TrustAnchors.withCa(TestTls.ca().pem()));
        assertThat(trusted.outcome()).as(trusted.message()).isEqualTo(Outcome.OK);
        int afterTrusted = presented.get();

        CheckResult system = check(TrustAnchors.system());
        assertThat(system.outcome()).as(system.message()).isEqualTo(Outcome.TLS_CERT_INVALID);
        int afterSystem = presented.get();
        assertThat(afterSystem).isGreaterThan(afterTrusted);

        LocalCertificate other = LocalCertificate.builder("ip:127.0.0.1").build();
        CheckResult wrongPin = check(TrustAnchors.pinned(other.der()));
        assertThat(wrongPin.outcome()).as(wrongPin.message()).isEqualTo(Outcome.TLS_CERT_INVALID);
        assertThat(wrongPin.message()).contains(serverCertificate.sha256Fingerprint());
        int afterWrongPin = presented.get();
        assertThat(afterWrongPin).isGreaterThan(afterSystem);

        CheckResult rightPin = check(TrustAnchors.pinned(serverCertificate.der()));
        assertThat(rightPin.outcome()).as(rightPin.message()).isEqualTo(Outcome.OK);
        assertThat(presented.get()).isGreaterThan(afterWrongPin);
    }

    /** The loopback certificate's server context, counting the handshakes that present it. */
    private SSLContext countingServerContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(serverCertificate.pkcs12(TestTls.PASSWORD)), TestTls.PASSWORD);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, TestTls.PASSWORD);
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new Counting(keys)}, null, null);
        return context;
    }

    /** Counts the certificate chains handed to the server's handshakes. */
    private final class Counting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        Counting(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            presented.incrementAndGet();
            return keys.getCertificateChain(alias);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return keys.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return keys.chooseClientAlias(keyType, issuers, socket);
        }
    }
}
