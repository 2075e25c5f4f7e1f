package dev.mailvault.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("A local certificate")
class LocalCertificateTest {
    private static final char[] PASSWORD = "store-pass".toCharArray();

    @ParameterizedTest(name = "{0}")
    @EnumSource(LocalCertificate.KeyType.class)
    @DisplayName("carries the names asked for and verifies with its own key")
    void names(LocalCertificate.KeyType type) throws Exception {
        LocalCertificate cert = LocalCertificate.builder("ip:127.0.0.1", "dns:localhost", "dns:mail.example.jp")
                .keyType(type)
                .build();
        X509Certificate x = cert.certificate();

        assertThat(x.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(7, "127.0.0.1"), List.of(2, "localhost"), List.of(2, "mail.example.jp"));
        assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        assertThat(x.getPublicKey().getAlgorithm()).isEqualTo(type.name());
        assertThat(x.getBasicConstraints()).isEqualTo(-1);
        x.verify(x.getPublicKey());
    }

    @Test
    @DisplayName("can be made expired for tests")
    void validityWindow() {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant until = Instant.parse("2021-01-01T00:00:00Z");
        X509Certificate x = LocalCertificate.builder("dns:old.example")
                .validity(from, until)
                .build()
                .certificate();

        assertThat(x.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(x.getNotAfter().toInstant()).isEqualTo(until);
        assertThatThrownBy(() -> x.checkValidity(Date.from(Instant.parse("2022-01-01T00:00:00Z"))))
                .isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    @DisplayName("issued by a local CA, carries the CA in its chain and verifies with the CA's key")
    void issuedByCa() throws Exception {
        LocalCertificate ca = LocalCertificate.builder().certificateAuthority().build();
        LocalCertificate leaf =
                LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca).build();

        assertThat(leaf.chain()).hasSize(2);
        assertThat(leaf.chain().get(1)).isEqualTo(ca.certificate());
        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        leaf.certificate().verify(ca.certificate().getPublicKey());
        assertThat(leaf.certificate().getIssuerX500Principal())
                .isEqualTo(ca.certificate().getSubjectX500Principal());
    }

    @Test
    @DisplayName("writes a PKCS#12 key store (owner-only) that loads with the password and holds key and chain")
    void pkcs12(@TempDir Path dir) throws Exception {
        LocalCertificate ca = LocalCertificate.builder().certificateAuthority().build();
        LocalCertificate cert =
                LocalCertificate.builder("ip:127.0.0.1").issuedBy(ca).build();
        Path file = cert.writePkcs12(dir.resolve("server.p12"), PASSWORD);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        assertThat(store.getKey("server", PASSWORD)).isInstanceOf(PrivateKey.class);
        assertThat(store.getCertificateChain("server")).containsExactly(cert.certificate(), ca.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("gives PEM and DER of the same certificate, and its SHA-256 fingerprint")
    void encodings() throws Exception {
        LocalCertificate cert = LocalCertificate.builder("dns:localhost").build();
        X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.pem().getBytes(StandardCharsets.US_ASCII)));

        assertThat(cert.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(fromPem.getEncoded()).isEqualTo(cert.der());
        assertThat(cert.sha256Fingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .isEqualTo(Fingerprints.sha256(cert.der()));
    }

    @Test
    @DisplayName("refuses names that are neither ip: nor dns:, and an empty validity window")
    void refusesBadInput() {
        assertThatThrownBy(() -> LocalCertificate.builder("localhost"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("ip:ADDRESS");
        assertThatThrownBy(() -> LocalCertificate.builder("ip:mail.example.jp")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> LocalCertificate.builder("dns:bad_name!")).isInstanceOf(BadInputException.class);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> LocalCertificate.builder("dns:a.example").validity(t, t))
                .isInstanceOf(BadInputException.class);
    }
}
