package dev.mailvault.core.crypto.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds X.509 certificates with Bouncy Castle for local servers (tests, the demo). Only this
 * package touches Bouncy Castle; callers use {@code dev.mailvault.core.crypto.LocalCertificate}.
 */
public final class CertificateMaker {
    private CertificateMaker() {}

    /** A subject alternative name: {@code ip} or {@code dns}. */
    public record AltName(boolean ip, String value) {}

    /** What to sign: the subject, its key, names, validity and whether it may issue certificates. */
    public record Request(
            String commonName,
            PublicKey subjectKey,
            List<AltName> altNames,
            Instant notBefore,
            Instant notAfter,
            boolean certificateAuthority) {}

    /** Generates an RSA-2048 or EC P-256 key pair. */
    public static KeyPair generateKeyPair(boolean ec, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator;
        if (ec) {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        } else {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
        }
        return generator.generateKeyPair();
    }

    /**
     * Signs {@code request}. With {@code issuer} null the certificate is self-signed by {@code
     * signingKey} (which must then belong to {@code request.subjectKey()}).
     */
    public static X509Certificate sign(
            Request request, X509Certificate issuer, PrivateKey signingKey, SecureRandom random)
            throws GeneralSecurityException {
        X500Principal subject = new X500Principal("CN=" + escape(request.commonName()));
        X500Principal issuerName = issuer == null ? subject : issuer.getSubjectX500Principal();
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    serial,
                    Date.from(request.notBefore()),
                    Date.from(request.notAfter()),
                    subject,
                    request.subjectKey());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.basicConstraints, true, new BasicConstraints(request.certificateAuthority()));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(request.subjectKey()));
            if (issuer != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            }
            if (request.certificateAuthority()) {
                builder.addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                int usage = KeyUsage.digitalSignature;
                if ("RSA".equals(request.subjectKey().getAlgorithm())) {
                    usage |= KeyUsage.keyEncipherment;
                }
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (!request.altNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(request.altNames()));
            }
            String algorithm = "EC".equals(signingKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm)
                    .setSecureRandom(random)
                    .build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("could not build the certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames generalNames(List<AltName> names) throws GeneralSecurityException {
        GeneralName[] out = new GeneralName[names.size()];
        for (int i = 0; i < out.length; i++) {
            AltName name = names.get(i);
            if (name.ip()) {
                try {
                    // the literal is validated by the caller; getByName on a literal does no lookup
                    byte[] address = InetAddress.getByName(name.value()).getAddress();
                    out[i] = new GeneralName(GeneralName.iPAddress, new org.bouncycastle.asn1.DEROctetString(address));
                } catch (UnknownHostException e) {
                    throw new GeneralSecurityException("not an IP address: " + name.value(), e);
                }
            } else {
                out[i] = new GeneralName(GeneralName.dNSName, name.value());
            }
        }
        return new GeneralNames(out);
    }

    private static String escape(String commonName) {
        return commonName
                .replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("+", "\\+")
                .replace("=", "\\=");
    }
}
