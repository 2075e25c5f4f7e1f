package dev.mailvault.core;

/**
 * The root of every failure the core reports to its callers. Subtypes exist only where a caller
 * acts differently; messages never contain a secret.
 */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
