package dev.mailvault.core.verify;

import dev.mailvault.core.crypto.LocalCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Certificates for the tests' servers, made with {@link LocalCertificate}. */
final class TestTls {
    static final char[] PASSWORD = "test-store".toCharArray();

    private TestTls() {}

    private static LocalCertificate ca;

    /** One CA for the whole test run; server certificates are issued by it. */
    static synchronized LocalCertificate ca() {
        if (ca == null) {
            ca = LocalCertificate.builder()
                    .commonName("Mail Vault test CA")
                    .certificateAuthority()
                    .build();
        }
        return ca;
    }

    /** A server certificate for {@code 127.0.0.1} only, issued by {@link #ca()}. */
    static LocalCertificate loopback() {
        return LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca()).build();
    }

    /** A server context presenting {@code cert} (and its chain). */
    static SSLContext serverContext(LocalCertificate cert) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(cert.pkcs12(PASSWORD)), PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Points GreenMail's TLS at a key store of ours. GreenMail reads these properties once per JVM
     * (at its first TLS server), so if another test got there first, its key store stays in use;
     * tests therefore trust what the server really presents ({@link GreenMailServer#chain()}).
     */
    static synchronized void configureGreenMail() {
        if (System.getProperty("greenmail.tls.keystore.file") != null) {
            return;
        }
        try {
            Path file = Files.createTempFile("mailvault-greenmail", ".p12");
            file.toFile().deleteOnExit();
            loopback().writePkcs12(file, PASSWORD);
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
