package dev.mailvault.core.crypto;

/**
 * Authenticated encryption with associated data. The nonce is chosen inside, fresh and random for
 * every call, and travels in the ciphertext; callers never see it. The associated data is never
 * null (an empty array for none).
 */
public interface Aead {
    byte[] seal(byte[] plaintext, byte[] associatedData);

    /** @throws IntegrityException when the ciphertext or the associated data was changed */
    byte[] open(byte[] ciphertext, byte[] associatedData);
}
