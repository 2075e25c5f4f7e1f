package dev.mailvault.core.verify;

import dev.mailvault.core.PrintableText;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.crypto.Fingerprints;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A server's certificate as fetched for {@code vault pin}: the leaf's DER bytes and SHA-256
 * fingerprint, the facts a person checks before pinning it, and the whole chain as sent.
 */
public record ServerCertificate(
        byte[] der,
        String sha256,
        String subject,
        String issuer,
        List<String> names,
        Instant notBefore,
        Instant notAfter,
        List<byte[]> chainDer) {

    public ServerCertificate {
        der = der.clone();
        // the names are the server's words, shown before the user decides to pin
        subject = PrintableText.of(subject);
        issuer = PrintableText.of(issuer);
        names = names.stream().map(PrintableText::of).toList();
        List<byte[]> copies = new ArrayList<>();
        chainDer.forEach(c -> copies.add(c.clone()));
        chainDer = List.copyOf(copies);
    }

    /** Reads the chain a server sent, leaf first. */
    public static ServerCertificate of(List<byte[]> chain) {
        if (chain.isEmpty()) {
            throw new VaultException("the server sent no certificate");
        }
        try {
            X509Certificate leaf = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(chain.get(0)));
            List<String> names = new ArrayList<>();
            Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    names.add(String.valueOf(entry.get(1)));
                }
            }
            return new ServerCertificate(
                    chain.get(0),
                    Fingerprints.sha256(chain.get(0)),
                    leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName(),
                    names,
                    leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(),
                    chain);
        } catch (CertificateParsingException e) {
            throw new VaultException("the server's certificate has unreadable names: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new VaultException("the server's certificate could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + subject + ", SHA-256 " + sha256 + "]";
    }
}
