package dev.mailvault.core;

/** The disk is full: the change was not saved. Freeing space and trying again helps. */
public final class DiskFullException extends VaultException {
    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
