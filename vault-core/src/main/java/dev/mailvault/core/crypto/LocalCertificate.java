package dev.mailvault.core.crypto;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultException;
import dev.mailvault.core.crypto.internal.CertificateMaker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A key and certificate for a server on this machine: the demo's embedded mail server and the
 * tests' servers. Self-signed, or issued by another {@code LocalCertificate} acting as a CA. Gives
 * the certificate as PEM or DER and the key with its chain as a PKCS#12 key store.
 *
 * <pre>{@code
 * LocalCertificate cert = LocalCertificate.builder("ip:127.0.0.1", "dns:localhost").build();
 * cert.writePkcs12(file, password);
 * }</pre>
 */
public final class LocalCertificate {
    /** The key algorithm: RSA-2048 or EC P-256. */
    public enum KeyType {
        RSA,
        EC
    }

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private LocalCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Starts a certificate for the given subject alternative names, each {@code ip:ADDRESS} or
     * {@code dns:NAME} (for example {@code ip:127.0.0.1}, {@code dns:localhost}). No names makes a
     * certificate that matches no host (useful for a CA).
     */
    public static Builder builder(String... subjectAltNames) {
        return new Builder(List.of(subjectAltNames));
    }

    /** The certificate itself. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate followed by its issuers, as a server presents it. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public byte[] der() {
        try {
            return certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new VaultException("could not encode the certificate", e);
        }
    }

    /** The certificate in PEM ({@code -----BEGIN CERTIFICATE-----}). */
    public String pem() {
        return toPem(der());
    }

    /** The SHA-256 fingerprint of the certificate's DER form. */
    public String sha256Fingerprint() {
        return Fingerprints.sha256(der());
    }

    /** A PKCS#12 key store holding the key and chain under the alias {@code server}. */
    public byte[] pkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new VaultException("could not build the PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #pkcs12(char[])} to {@code file} (readable by the owner only, where supported). */
    public Path writePkcs12(Path file, char[] password) {
        byte[] bytes = pkcs12(password);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            return file;
        } catch (IOException e) {
            throw new VaultException("could not write the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Encodes DER certificate bytes as PEM. */
    public static String toPem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public String toString() {
        return "LocalCertificate[" + certificate().getSubjectX500Principal().getName() + ", " + sha256Fingerprint()
                + "]";
    }

    /** Collects the settings of a certificate; {@link #build()} generates key and certificate. */
    public static final class Builder {
        private final List<CertificateMaker.AltName> altNames = new ArrayList<>();
        private KeyType keyType = KeyType.EC;
        private String commonName;
        private Clock clock = Clock.systemUTC();
        private Instant notBefore;
        private Instant notAfter;
        private boolean certificateAuthority;
        private LocalCertificate issuer;
        private SecureRandom random;

        private Builder(List<String> names) {
            for (String name : names) {
                altNames.add(parseAltName(name));
            }
        }

        public Builder keyType(KeyType type) {
            this.keyType = Objects.requireNonNull(type);
            return this;
        }

        /** The subject's CN; defaults to the first alternative name, or "Mail Vault local CA". */
        public Builder commonName(String name) {
            this.commonName = Objects.requireNonNull(name);
            return this;
        }

        /** The validity window; defaults to one day ago until one year from now. */
        public Builder validity(Instant from, Instant until) {
            if (!from.isBefore(until)) {
                throw new BadInputException("a certificate's validity must start before it ends");
            }
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Makes a CA certificate that may sign others (see {@link #issuedBy}). */
        public Builder certificateAuthority() {
            this.certificateAuthority = true;
            return this;
        }

        /** Signs with {@code ca}'s key instead of self-signing; the chain then includes {@code ca}'s. */
        public Builder issuedBy(LocalCertificate ca) {
            this.issuer = Objects.requireNonNull(ca);
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public LocalCertificate build() {
            SecureRandom rng = random != null ? random : new SecureRandom();
            Instant now = clock.instant();
            Instant from = notBefore != null ? notBefore : now.minus(Duration.ofDays(1));
            Instant until = notAfter != null ? notAfter : now.plus(Duration.ofDays(365));
            String cn = commonName != null
                    ? commonName
                    : altNames.isEmpty()
                            ? "Mail Vault local CA"
                            : altNames.get(0).value();
            try {
                KeyPair keys = CertificateMaker.generateKeyPair(keyType == KeyType.EC, rng);
                CertificateMaker.Request request =
                        new CertificateMaker.Request(cn, keys.getPublic(), altNames, from, until, certificateAuthority);
                List<X509Certificate> chain = new ArrayList<>();
                if (issuer == null) {
                    chain.add(CertificateMaker.sign(request, null, keys.getPrivate(), rng));
                } else {
                    chain.add(CertificateMaker.sign(request, issuer.certificate(), issuer.privateKey, rng));
                    chain.addAll(issuer.chain);
                }
                return new LocalCertificate(keys.getPrivate(), chain);
            } catch (GeneralSecurityException e) {
                throw new VaultException("could not generate a certificate: " + e.getMessage(), e);
            }
        }

        private static CertificateMaker.AltName parseAltName(String text) {
            String t = text == null ? "" : text.strip();
            int colon = t.indexOf(':');
            String kind = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : t.substring(colon + 1);
            if (kind.equals("ip")
                    && (IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
                return new CertificateMaker.AltName(true, value);
            }
            if (kind.equals("dns") && DNS.matcher(value).matches() && value.length() <= 253) {
                return new CertificateMaker.AltName(false, value.toLowerCase(Locale.ROOT));
            }
            throw new BadInputException("invalid subject alternative name '" + text
                    + "' (allowed: ip:ADDRESS such as ip:127.0.0.1, or dns:NAME such as dns:localhost)");
        }
    }
}
