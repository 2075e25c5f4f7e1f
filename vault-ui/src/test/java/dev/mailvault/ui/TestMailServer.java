package dev.mailvault.ui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.remind.RotationPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real GreenMail with IMAPS and SMTPS on free loopback ports, presenting a certificate for
 * 127.0.0.1 issued by a CA made for this test run; accounts trust that CA (and nothing else extra).
 */
final class TestMailServer implements AutoCloseable {
    private static final char[] STORE_PASSWORD = "ui-test-store".toCharArray();
    private static LocalCertificate ca;

    final GreenMail greenMail;

    TestMailServer() {
        configureTls();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)
        });
        greenMail.start();
    }

    /** GreenMail reads its key store from system properties, once per JVM. */
    private static synchronized void configureTls() {
        if (ca != null) {
            return;
        }
        ca = LocalCertificate.builder()
                .commonName("Mail Vault UI test CA")
                .certificateAuthority()
                .build();
        LocalCertificate server =
                LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca).build();
        try {
            Path file = Files.createTempFile("mailvault-ui-greenmail", ".p12");
            file.toFile().deleteOnExit();
            server.writePkcs12(file, STORE_PASSWORD);
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(STORE_PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(STORE_PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void user(String login, String password) {
        greenMail.setUser(login, login, password);
    }

    /** An account on this server that trusts the test CA; SMTP has its own password when asked. */
    AccountSpec spec(String address, boolean separateSmtp) {
        return new AccountSpec(
                Address.of(address),
                "",
                "generic",
                new Endpoint("127.0.0.1", greenMail.getImaps().getPort(), Security.TLS),
                new Endpoint("127.0.0.1", greenMail.getSmtps().getPort(), Security.TLS),
                null,
                null,
                !separateSmtp,
                ca.pem(),
                null,
                RotationPolicy.DEFAULT);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
