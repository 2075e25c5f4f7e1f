package dev.mailvault.core.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.MasterKey;
import dev.mailvault.core.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Argon2idTest {
    private static final Argon2Advanced ARGON2 =
            Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

    @Test
    @DisplayName("argon2-jvm reproduces the Argon2id test vector of RFC 9106, section 5.3")
    void rfc9106Vector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] ad = filled(12, 0x04);
        byte[] tag = ARGON2.rawHashAdvanced(3, 32, 4, password, salt, secret, ad, 32, Argon2Version.V13);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Property(tries = 25)
    @Label("argon2-jvm and Bouncy Castle's independent Argon2id agree on random inputs")
    void agreesWithBouncyCastle(
            @ForAll @Size(max = 40) byte[] password,
            @ForAll @Size(min = 8, max = 32) byte[] salt,
            @ForAll @IntRange(min = 1, max = 4) int iterations,
            @ForAll @IntRange(min = 1, max = 4) int parallelism,
            @ForAll @IntRange(min = 0, max = 64) int extraMemory) {
        int memoryKib = 8 * parallelism + extraMemory;
        byte[] ours = ARGON2.rawHash(iterations, memoryKib, parallelism, password.clone(), salt);
        Argon2BytesGenerator bc = new Argon2BytesGenerator();
        bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(iterations)
                .withMemoryAsKB(memoryKib)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] theirs = new byte[32];
        bc.generateBytes(password, theirs);
        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    @DisplayName("the vault's own derivation is Argon2id of the password's UTF-8 at the header's parameters")
    void productionPathAgreesWithBouncyCastle() {
        // the code the vault runs (MasterKey.deriveKek, Argon2id.derive), not argon2-jvm called
        // here: swapped parameters, another Argon2 type or another text encoding would differ
        String password = "master-合言葉-1";
        byte[] salt = filled(16, 0x5a);
        KdfParameters p = KdfParameters.FLOOR;
        Argon2BytesGenerator bc = new Argon2BytesGenerator();
        bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(p.iterations())
                .withMemoryAsKB(p.memoryKib())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] expected = new byte[32];
        bc.generateBytes(password.getBytes(StandardCharsets.UTF_8), expected);

        byte[] kek;
        try (Secret master = Secret.copyOf(password.toCharArray())) {
            kek = MasterKey.deriveKek(master, p, salt);
        }

        assertThat(kek).isEqualTo(expected);
        assertThat(Argon2id.derive(password.getBytes(StandardCharsets.UTF_8), salt, p))
                .isEqualTo(expected);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
