package dev.mailvault.core.crypto.internal;

import dev.mailvault.core.crypto.Aead;
import dev.mailvault.core.crypto.IntegrityException;
import java.security.SecureRandom;
import java.util.Arrays;
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
    private GCMBlockCipher gcm;
    private boolean destroyed;

    /** Takes a copy of {@code key}; the caller wipes its own. */
    public AesGcm(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key.clone();
        this.random = random;
    }

    @Override
    public synchronized byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        GCMBlockCipher c = cipher(true, nonce, associatedData);
        byte[] out = new byte[NONCE_LENGTH + c.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = c.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            c.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption failed", e);
        }
        return out;
    }

    @Override
    public synchronized byte[] open(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext == null || ciphertext.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IntegrityException("ciphertext too short");
        }
        byte[] nonce = Arrays.copyOf(ciphertext, NONCE_LENGTH);
        GCMBlockCipher c = cipher(false, nonce, associatedData);
        int length = ciphertext.length - NONCE_LENGTH;
        byte[] out = new byte[c.getOutputSize(length)];
        int n = c.processBytes(ciphertext, NONCE_LENGTH, length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new IntegrityException("authentication tag mismatch");
        }
        return out;
    }

    /**
     * One GCM instance per key, re-initialised with a new nonce for each message: building the AES
     * key schedule and GCM tables for every record made listing 10,000 accounts twice as slow.
     */
    private GCMBlockCipher cipher(boolean encrypt, byte[] nonce, byte[] associatedData) {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        if (gcm == null) {
            KeyParameter keyParameter = new KeyParameter(key);
            gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(encrypt, new AEADParameters(keyParameter, TAG_BITS, nonce, associatedData));
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        } else {
            gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce, associatedData));
        }
        return gcm;
    }

    @Override
    public synchronized void destroy() {
        Arrays.fill(key, (byte) 0);
        // Bouncy Castle's AES engine keeps its key schedule in private arrays: dropped, not wiped
        gcm = null;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
