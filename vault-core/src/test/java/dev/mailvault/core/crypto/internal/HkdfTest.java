package dev.mailvault.core.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Our HKDF-SHA256 gives the RFC's answers and the same bytes as Bouncy Castle's generator. */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    @DisplayName("RFC 5869 A.1: basic test case with SHA-256")
    void rfc5869Case1() {
        byte[] okm = Hkdf.derive(
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);
        assertThat(HEX.formatHex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    @DisplayName("RFC 5869 A.3: SHA-256 with an empty salt and empty info")
    void rfc5869Case3() {
        byte[] okm = Hkdf.derive(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], "", 42);
        assertThat(HEX.formatHex(okm))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Property(tries = 200)
    @Label("the same bytes as Bouncy Castle's HKDFBytesGenerator, for any key, salt, info and length")
    void sameAsBouncyCastle(
            @ForAll @Size(min = 1, max = 100) byte[] key,
            @ForAll @Size(max = 80) byte[] salt,
            @ForAll @Size(max = 80) byte[] info,
            @ForAll @IntRange(min = 1, max = 200) int length) {
        HKDFBytesGenerator reference = new HKDFBytesGenerator(new SHA256Digest());
        reference.init(new HKDFParameters(key, salt, info));
        byte[] expected = new byte[length];
        reference.generateBytes(expected, 0, length);

        assertThat(Hkdf.derive(key, salt, info, length)).isEqualTo(expected);
    }
}
