package dev.mailvault.core.demo;

import com.icegreen.greenmail.util.ServerSetup;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.LocalCertificate;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.demo.internal.TlsGreenMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An embedded mail server for the demo: GreenMail with IMAPS and SMTPS on free loopback ports. Its
 * certificate is issued for {@code 127.0.0.1} by a CA made for this run only; nothing trusts that
 * CA except the accounts that carry {@link #caCertificatePem()} as their own CA certificate.
 */
public final class DemoServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final TlsGreenMail greenMail;
    private final String caPem;
    private final Endpoint imaps;
    private final Endpoint smtps;

    private DemoServer(TlsGreenMail greenMail, String caPem) {
        this.greenMail = greenMail;
        this.caPem = caPem;
        this.imaps = new Endpoint(HOST, greenMail.port(ServerSetup.PROTOCOL_IMAPS), Security.TLS);
        this.smtps = new Endpoint(HOST, greenMail.port(ServerSetup.PROTOCOL_SMTPS), Security.TLS);
    }

    /** Generates the CA and server certificate, and starts both servers. */
    public static DemoServer start(SecureRandom random) {
        LocalCertificate ca = LocalCertificate.builder()
                .commonName("Mail Vault demo CA")
                .certificateAuthority()
                .random(random)
                .build();
        LocalCertificate server = LocalCertificate.builder("ip:" + HOST)
                .issuedBy(ca)
                .random(random)
                .build();
        TlsGreenMail greenMail = new TlsGreenMail(
                new ServerSetup[] {
                    new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAPS),
                    new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTPS)
                },
                serverContext(server, random).getServerSocketFactory());
        greenMail.start();
        try {
            return new DemoServer(greenMail, ca.pem());
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    private static SSLContext serverContext(LocalCertificate certificate, SecureRandom random) {
        // the key store only carries the key from LocalCertificate to the key manager, in memory
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(certificate.pkcs12(password)), password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, random);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new VaultException("could not set up TLS for the demo mail server: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Where IMAPS listens (also after {@link #close()}, when nothing does any more). */
    public Endpoint imaps() {
        return imaps;
    }

    public Endpoint smtps() {
        return smtps;
    }

    /** The CA that issued the server's certificate, to be trusted per account. */
    public String caCertificatePem() {
        return caPem;
    }

    /** Creates a mailbox or changes its password: what the user does at the provider. */
    public void setPassword(String email, String login, Secret password) {
        // GreenMail keeps passwords as Strings; these are the demo's own throwaway values
        greenMail.setUser(email, login, password.revealForLegacyApi());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
