package dev.mailvault.core.crypto.internal;

import dev.mailvault.core.crypto.Aead;
import dev.mailvault.core.crypto.IntegrityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM with a random 96-bit nonce per message and a 128-bit tag. Output: nonce ‖ ciphertext
 * ‖ tag. Bouncy Castle's lightweight API is used so that the key stays in an array we can wipe.
 */
public final class AesGcm implements Aead, Destroyable {
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random;
    /** Ciphers not in use, each with this key set up; one per thread that used them at once. */
    private final ConcurrentLinkedDeque<GCMBlockCipher> idle = new ConcurrentLinkedDeque<>();
    /** Every cipher made for this key, idle or not, for {@link #destroy} to reach. */
    private final ConcurrentLinkedQueue<GCMBlockCipher> made = new ConcurrentLinkedQueue<>();

    private volatile boolean destroyed;

    /** Takes a copy of {@code key}; the caller wipes its own. */
    public AesGcm(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key.clone();
        this.random = random;
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        GCMBlockCipher c = take(true, nonce, associatedData);
        try {
            byte[] out = new byte[NONCE_LENGTH + c.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            int n = c.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
            c.doFinal(out, NONCE_LENGTH + n);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption failed", e);
        } finally {
            idle.push(c);
        }
    }

    @Override
    public byte[] open(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext == null || ciphertext.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IntegrityException("ciphertext too short");
        }
        byte[] nonce = Arrays.copyOf(ciphertext, NONCE_LENGTH);
        GCMBlockCipher c = take(false, nonce, associatedData);
        int length = ciphertext.length - NONCE_LENGTH;
        byte[] out = new byte[c.getOutputSize(length)];
        try {
            int n = c.processBytes(ciphertext, NONCE_LENGTH, length, out, 0);
            c.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new IntegrityException("authentication tag mismatch");
        } finally {
            idle.push(c);
        }
    }

    /**
     * A GCM instance for this key, re-initialised with a new nonce for each message: building the
     * AES key schedule and GCM tables for every record made listing 10,000 accounts twice as slow.
     * Instances are reused, one per thread working at the same time (the store decrypts a large
     * list on all cores).
     */
    private GCMBlockCipher take(boolean encrypt, byte[] nonce, byte[] associatedData) {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        GCMBlockCipher gcm = idle.poll();
        if (gcm == null) {
            KeyParameter keyParameter = new KeyParameter(key);
            gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(encrypt, new AEADParameters(keyParameter, TAG_BITS, nonce));
            Arrays.fill(keyParameter.getKey(), (byte) 0);
            made.add(gcm);
        } else {
            gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce));
        }
        // the same tag as associated data given to init, without the two copies init makes of it
        gcm.processAADBytes(associatedData, 0, associatedData.length);
        return gcm;
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
        // Bouncy Castle keeps the AES key schedule in private arrays, and for AES-256 its first two
        // round keys are the key itself. An all-zero key overwrites it: the engine clears its old
        // schedule in place (and the GHASH tables are refilled in place). GCM's hash key AES_K(0)
        // is left in an array Bouncy Castle drops without clearing; it is no key, see SECURITY.md.
        byte[] zeros = new byte[32];
        for (GCMBlockCipher gcm = made.poll(); gcm != null; gcm = made.poll()) {
            gcm.init(false, new AEADParameters(new KeyParameter(zeros), TAG_BITS, new byte[NONCE_LENGTH]));
        }
        idle.clear();
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
