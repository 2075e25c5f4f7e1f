package dev.mailvault.core.verify;

import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.verify.mail.TlsCertificateFetcher;

/**
 * Fetches the certificate a mail server presents, for {@code vault pin}. Implicit TLS, or STARTTLS
 * spoken by hand; the TLS handshake is stopped as soon as the certificate has arrived, so nothing is
 * trusted, nothing is logged in and no password is sent. Close it when done.
 */
public interface CertificateFetcher extends AutoCloseable {

    /** The server's certificate; {@link CertificateFetchException} when it cannot be fetched. */
    ServerCertificate fetch(Protocol protocol, Endpoint endpoint);

    @Override
    void close();

    static CertificateFetcher create(VerifyOptions options) {
        return new TlsCertificateFetcher(options);
    }
}
