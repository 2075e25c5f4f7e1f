package dev.mailvault.core.verify.mail;

import java.security.cert.CertificateException;

/**
 * Why {@link TargetTrustManager} refused a server certificate, so that the classifier does not have
 * to guess from the JDK's wording.
 */
final class TlsTrustException extends CertificateException {
    enum Kind {
        /** Not issued by a trusted CA, expired, or otherwise invalid. */
        UNTRUSTED,
        /** Not the pinned certificate. */
        PIN_MISMATCH,
        /** Trusted, but for another host name. */
        HOSTNAME_MISMATCH
    }

    private final Kind kind;

    TlsTrustException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
