package dev.mailvault.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.verify.CertificateFetcher;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ServerCertificate;
import dev.mailvault.core.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real GreenMail with IMAPS and SMTPS on free loopback ports, its certificate issued for
 * 127.0.0.1 by a CA made for the run (vault-core's test servers do the same). The accounts the
 * tests add trust that CA through {@code --ca-cert}, as a self-hosted server's users would.
 */
final class MailServer implements AutoCloseable {
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    final GreenMail greenMail;
    private final ServerCertificate served;

    MailServer() {
        configureTls();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)
        });
        greenMail.start();
        try (CertificateFetcher fetcher =
                CertificateFetcher.create(new VerifyOptions(Duration.ofSeconds(5), Clock.systemUTC()))) {
            served = fetcher.fetch(Protocol.IMAP, new Endpoint("127.0.0.1", imapPort(), Security.TLS));
        }
    }

    /** Sets (or changes) the password the server accepts for a login. */
    void user(String login, String password) {
        greenMail.setUser(login, login, password);
    }

    int imapPort() {
        return greenMail.getImaps().getPort();
    }

    int smtpPort() {
        return greenMail.getSmtps().getPort();
    }

    /** The certificate the server presents. */
    ServerCertificate served() {
        return served;
    }

    /** The root of the chain the server presents, as a PEM file for {@code --ca-cert}. */
    Path caFile(Path dir) {
        List<byte[]> chain = served.chainDer();
        try {
            return Files.writeString(
                    dir.resolve("greenmail-ca.pem"),
                    LocalCertificate.toPem(chain.get(chain.size() - 1)),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code add} arguments for an account on this server. */
    String[] addArgs(String address, Path dir) {
        return new String[] {
            "add",
            address,
            "--imap",
            "127.0.0.1:" + imapPort() + ":tls",
            "--smtp",
            "127.0.0.1:" + smtpPort() + ":tls",
            "--ca-cert",
            caFile(dir).toString()
        };
    }

    /**
     * Points GreenMail's TLS at a key store holding a certificate for 127.0.0.1. GreenMail reads
     * these properties once per JVM; if another test set them first, that key store stays, and the
     * tests still trust exactly what the server presents.
     */
    private static synchronized void configureTls() {
        if (System.getProperty("greenmail.tls.keystore.file") != null) {
            return;
        }
        LocalCertificate ca = LocalCertificate.builder()
                .commonName("Mail Vault CLI test CA")
                .certificateAuthority()
                .build();
        LocalCertificate server =
                LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca).build();
        try {
            Path file = Files.createTempFile("mailvault-cli-greenmail", ".p12");
            file.toFile().deleteOnExit();
            server.writePkcs12(file, STORE_PASSWORD);
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(STORE_PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(STORE_PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
