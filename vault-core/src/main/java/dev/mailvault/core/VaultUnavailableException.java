package dev.mailvault.core;

/**
 * The vault file cannot be used: missing, unreadable, not a vault, damaged, tampered with, of a
 * newer format, or locked by another process. Nothing was written.
 */
public class VaultUnavailableException extends VaultException {
    public enum Reason {
        MISSING,
        NOT_A_VAULT,
        /** There, but this user may not read it (permissions), or reading it failed. */
        UNREADABLE,
        /** Readable, but the file or its folder may not be written. */
        READ_ONLY,
        DAMAGED,
        TAMPERED,
        NEWER_FORMAT,
        BUSY,
        EXISTS
    }

    private final Reason reason;

    public VaultUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public VaultUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
