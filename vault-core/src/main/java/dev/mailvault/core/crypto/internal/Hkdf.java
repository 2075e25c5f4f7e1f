package dev.mailvault.core.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF-SHA256 (RFC 5869): sub-keys for separate purposes from one vault key.
 *
 * <p>Written out over {@link HMac} rather than Bouncy Castle's {@code HKDFBytesGenerator}, whose
 * parameters keep a copy of the input key and whose state keeps the last output block: neither can
 * be wiped, and a heap dump after lock found the vault key and every sub-key there
 * ({@code SecretsInMemoryTest}). Here every intermediate array is ours and wiped.
 */
public final class Hkdf {
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    public static byte[] derive(byte[] inputKey, byte[] salt, String info, int length) {
        return derive(inputKey, salt, info.getBytes(StandardCharsets.UTF_8), length);
    }

    public static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 0 to 8160 bytes");
        }
        byte[] prk = new byte[HASH_LENGTH];
        byte[] block = new byte[HASH_LENGTH];
        HMac hmac = new HMac(new SHA256Digest());
        try {
            // extract: PRK = HMAC(salt, IKM); an absent salt is a block of zeros
            init(hmac, salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt);
            hmac.update(inputKey, 0, inputKey.length);
            hmac.doFinal(prk, 0);

            // expand: T(i) = HMAC(PRK, T(i-1) | info | i)
            byte[] out = new byte[length];
            init(hmac, prk);
            int done = 0;
            for (int i = 1; done < length; i++) {
                if (i > 1) {
                    hmac.update(block, 0, HASH_LENGTH);
                }
                hmac.update(info, 0, info.length);
                hmac.update((byte) i);
                hmac.doFinal(block, 0);
                int n = Math.min(HASH_LENGTH, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } finally {
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(block, (byte) 0);
            HmacSha256.clear(hmac); // its pads are the PRK's
        }
    }

    private static void init(HMac hmac, byte[] key) {
        KeyParameter parameter = new KeyParameter(key);
        hmac.init(parameter);
        // KeyParameter copies the key; getKey() hands out that copy, so it can be wiped
        Arrays.fill(parameter.getKey(), (byte) 0);
    }
}
