package dev.mailvault.core.crypto;

import dev.mailvault.core.crypto.internal.HmacSha256;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Tells which secrets are equal without keeping them: each secret becomes HMAC-SHA256 under a
 * random key that exists only as long as this object. Equal values give equal digests within one
 * instance; across instances, and once the key is wiped on {@link #close()}, the digests say
 * nothing about the values, so they cannot be tested against a list of guesses later.
 */
public final class KeyedDigest implements Destroyable, AutoCloseable {
    private static final int KEY_BYTES = 32;

    private final HmacSha256 mac;

    private KeyedDigest(HmacSha256 mac) {
        this.mac = mac;
    }

    /** A digest under a fresh key from {@code random}. */
    public static KeyedDigest withRandomKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        try {
            random.nextBytes(key);
            return new KeyedDigest(new HmacSha256(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The digest of a secret's UTF-8 form; the copy read for it is wiped before this returns. */
    public Digest of(Secret secret) {
        byte[] utf8 = secret.revealUtf8();
        try {
            return new Digest(mac.mac(utf8));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        mac.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return mac.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    /** One keyed digest: equal when the secrets were equal; printing it shows nothing. */
    public static final class Digest {
        private final byte[] bytes;

        private Digest(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest d && MessageDigest.isEqual(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Digest[redacted]";
        }
    }
}
