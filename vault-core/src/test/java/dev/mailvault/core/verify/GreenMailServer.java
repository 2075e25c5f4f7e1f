package dev.mailvault.core.verify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real GreenMail with IMAPS and SMTPS on free loopback ports, its TLS certificate issued for
 * 127.0.0.1. The chain it really presents is fetched once, so tests trust exactly that.
 */
final class GreenMailServer implements AutoCloseable {
    final GreenMail greenMail;
    private final ServerCertificate served;

    GreenMailServer() {
        TestTls.configureGreenMail();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)
        });
        greenMail.start();
        try (CertificateFetcher fetcher =
                CertificateFetcher.create(new VerifyOptions(Duration.ofSeconds(5), Clock.systemUTC()))) {
            served = fetcher.fetch(Protocol.IMAP, imaps("127.0.0.1"));
        }
    }

    void user(String login, String password) {
        greenMail.setUser(login, login, password);
    }

    Endpoint imaps(String host) {
        return new Endpoint(host, greenMail.getImaps().getPort(), Security.TLS);
    }

    Endpoint smtps(String host) {
        return new Endpoint(host, greenMail.getSmtps().getPort(), Security.TLS);
    }

    Endpoint endpoint(Protocol protocol, String host) {
        return protocol == Protocol.IMAP ? imaps(host) : smtps(host);
    }

    /** The certificate GreenMail presents. */
    ServerCertificate served() {
        return served;
    }

    /** Trust in the root of the presented chain, as an account's own CA certificate. */
    TrustAnchors trustRoot() {
        List<byte[]> chain = served.chainDer();
        return TrustAnchors.withCa(LocalCertificate.toPem(chain.get(chain.size() - 1)));
    }

    /** Skips a test that needs the certificate to name 127.0.0.1 (and not localhost). */
    void assumeLoopbackCertificate() {
        assumeTrue(
                served.names().contains("127.0.0.1") && !served.names().contains("localhost"),
                "GreenMail's JVM-wide key store was set elsewhere with names " + served.names());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
