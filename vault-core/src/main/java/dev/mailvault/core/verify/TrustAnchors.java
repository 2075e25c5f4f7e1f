package dev.mailvault.core.verify;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.Fingerprints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which server certificates a check accepts: the Java runtime's trusted CAs, plus optionally the
 * account's own CA certificate(s); or, when a server certificate is pinned, exactly that
 * certificate and nothing else. Host names are checked in every case. There is no "trust all".
 */
public final class TrustAnchors {
    private static final TrustAnchors SYSTEM = new TrustAnchors(List.of(), null);

    private final List<X509Certificate> extraCas;
    private final byte[] pinnedDer;

    private TrustAnchors(List<X509Certificate> extraCas, byte[] pinnedDer) {
        this.extraCas = List.copyOf(extraCas);
        this.pinnedDer = pinnedDer;
    }

    /** Only the CAs the Java runtime trusts. */
    public static TrustAnchors system() {
        return SYSTEM;
    }

    /** The runtime's CAs plus the certificate(s) in {@code pem} ({@code -----BEGIN CERTIFICATE-----}). */
    public static TrustAnchors withCa(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new BadInputException("a CA certificate in PEM form is required (-----BEGIN CERTIFICATE-----)");
        }
        List<X509Certificate> certs = new ArrayList<>();
        try {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            for (Certificate c : parsed) {
                certs.add((X509Certificate) c);
            }
        } catch (CertificateException | ClassCastException e) {
            throw new BadInputException("the CA certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new BadInputException("the CA file holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return new TrustAnchors(certs, null);
    }

    /** Exactly this server certificate (DER), as stored by {@code vault pin}. */
    public static TrustAnchors pinned(byte[] der) {
        if (der == null || der.length == 0) {
            throw new BadInputException("a pinned certificate (DER) is required");
        }
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new BadInputException("the pinned certificate is not a DER X.509 certificate: " + e.getMessage(), e);
        }
        return new TrustAnchors(List.of(), der.clone());
    }

    /**
     * From an account's settings: a pinned certificate wins when there is one; else its CA
     * certificate if not blank; else the runtime's CAs.
     */
    public static TrustAnchors of(String caPemOrBlank, byte[] pinnedDerOrNull) {
        if (pinnedDerOrNull != null && pinnedDerOrNull.length > 0) {
            return pinned(pinnedDerOrNull);
        }
        if (caPemOrBlank != null && !caPemOrBlank.isBlank()) {
            return withCa(caPemOrBlank);
        }
        return system();
    }

    /** The account's own CAs (not the runtime's), empty when none. */
    public List<X509Certificate> extraCas() {
        return extraCas;
    }

    /** The pinned certificate's DER bytes (a copy), if a certificate is pinned. */
    public Optional<byte[]> pinnedDer() {
        return Optional.ofNullable(pinnedDer).map(byte[]::clone);
    }

    public Optional<String> pinnedSha256() {
        return Optional.ofNullable(pinnedDer).map(Fingerprints::sha256);
    }

    /** Equal when they accept the same certificates: the same pinned certificate, or the same own CAs. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrustAnchors other
                && Arrays.equals(pinnedDer, other.pinnedDer)
                && extraCas.equals(other.extraCas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pinnedDer) + extraCas.hashCode();
    }

    @Override
    public String toString() {
        if (pinnedDer != null) {
            return "TrustAnchors[pinned " + Fingerprints.sha256(pinnedDer) + "]";
        }
        return extraCas.isEmpty() ? "TrustAnchors[system]" : "TrustAnchors[system + " + extraCas.size() + " CA]";
    }
}
