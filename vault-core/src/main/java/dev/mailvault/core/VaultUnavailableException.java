package dev.mailvault.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The vault file cannot be used: missing, unreadable, not a vault, damaged, tampered with, of a
 * newer format, locked by another process, or on a full disk. Nothing was written.
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
        EXISTS,
        /** The disk holding the vault is full: the change was rolled back; it may succeed once there is space. */
        DISK_FULL
    }

    private final Reason reason;
    private final Path file;

    public VaultUnavailableException(Reason reason, String message) {
        this(reason, null, message, null);
    }

    public VaultUnavailableException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    public VaultUnavailableException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    /** {@code file}: the vault file concerned, so that callers can name it in their own words. */
    public VaultUnavailableException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The vault file concerned, when the thrower knew it. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
