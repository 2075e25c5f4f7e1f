package dev.mailvault.core.crypto;

import dev.mailvault.core.VaultException;

/** A ciphertext or a MAC did not verify: the data was changed, moved, or the key is wrong. */
public final class IntegrityException extends VaultException {
    public IntegrityException(String message) {
        super(message);
    }
}
