package dev.mailvault.core.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.crypto.IntegrityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Property(tries = 200)
    @Label("what is sealed opens again, and the JDK's own AES-GCM reads it too")
    void roundTripAndInterop(@ForAll byte[] plaintext, @ForAll @Size(max = 64) byte[] ad) throws Exception {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        byte[] sealed = aead.seal(plaintext, ad);
        assertThat(aead.open(sealed, ad)).isEqualTo(plaintext);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        jdk.updateAAD(ad);
        assertThat(jdk.doFinal(sealed, 12, sealed.length - 12)).isEqualTo(plaintext);
    }

    @Test
    @DisplayName("two seals of the same plaintext differ: the nonce is fresh each time")
    void freshNonce() {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        assertThat(aead.seal(new byte[16], new byte[0])).isNotEqualTo(aead.seal(new byte[16], new byte[0]));
    }

    @Test
    @DisplayName(
            "the nonces of separate instances of one key never repeat (the record key is the same in every session)")
    void noNonceRepeatsAcrossInstances() {
        Set<String> nonces = new HashSet<>();
        for (int session = 0; session < 200; session++) {
            AesGcm aead = new AesGcm(KEY, new SecureRandom());
            for (int record = 0; record < 5; record++) {
                byte[] sealed = aead.seal(new byte[16], new byte[0]);
                assertThat(nonces.add(HexFormat.of().formatHex(sealed, 0, AesGcm.NONCE_LENGTH)))
                        .as("nonce of record %d of instance %d is new", record, session)
                        .isTrue();
            }
            aead.destroy();
        }
    }

    @Property(tries = 300)
    @Label("flipping any bit of nonce, ciphertext or tag is detected")
    void everyBitFlipDetected(@ForAll @Size(min = 0, max = 40) byte[] plaintext, @ForAll int position) {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        byte[] sealed = aead.seal(plaintext, new byte[] {1});
        int bit = Math.floorMod(position, sealed.length * 8);
        sealed[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> aead.open(sealed, new byte[] {1})).isInstanceOf(IntegrityException.class);
    }

    @Test
    @DisplayName("other associated data does not open the ciphertext")
    void associatedDataBinds() {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        byte[] sealed = aead.seal(new byte[] {42}, new byte[] {1});
        assertThatThrownBy(() -> aead.open(sealed, new byte[] {2})).isInstanceOf(IntegrityException.class);
    }

    @Test
    @DisplayName("a destroyed key is wiped and refuses to work")
    void destroyWipes() {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        aead.destroy();
        assertThat(aead.isDestroyed()).isTrue();
        assertThatThrownBy(() -> aead.seal(new byte[1], new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("used from several threads at once, every message opens to its own plaintext")
    void concurrentUse() throws Exception {
        AesGcm aead = new AesGcm(KEY, new SecureRandom());
        int threads = 4;
        int messages = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte fill = (byte) t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < messages; i++) {
                        byte[] plaintext = new byte[100 + i % 50];
                        Arrays.fill(plaintext, fill);
                        byte[] ad = {fill, (byte) i};
                        if (!Arrays.equals(aead.open(aead.seal(plaintext, ad), ad), plaintext)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
