package dev.mailvault.core.store.sqlite;

import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Looks at a file's first bytes before SQLite touches it, so that a file that is not a vault, is
 * truncated, or is of a newer format is refused without ever being opened for writing.
 */
final class VaultFileCheck {
    /** "MVLT", stored as SQLite's application_id. */
    static final int APPLICATION_ID = 0x4D564C54;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private VaultFileCheck() {}

    static void check(Path file) {
        if (!Files.exists(file)) {
            throw new VaultUnavailableException(Reason.MISSING, file, "no vault at " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new VaultUnavailableException(Reason.NOT_A_VAULT, file, file + " is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new VaultUnavailableException(Reason.UNREADABLE, file, file + " may not be read by this user");
        }
        byte[] head = new byte[100];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw new VaultUnavailableException(Reason.NOT_A_VAULT, file, file + " is empty, not a vault");
            }
            if (!Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
                throw new VaultUnavailableException(Reason.NOT_A_VAULT, file, file + " is not a Mail Vault file");
            }
            if (n < head.length) {
                throw new VaultUnavailableException(Reason.DAMAGED, file, file + " is truncated");
            }
        } catch (IOException e) {
            throw new VaultUnavailableException(
                    Reason.UNREADABLE, file, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer h = ByteBuffer.wrap(head);
        int pageSize = Short.toUnsignedInt(h.getShort(16));
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long pages = Integer.toUnsignedLong(h.getInt(28));
        if (h.getInt(68) != APPLICATION_ID) {
            throw new VaultUnavailableException(
                    Reason.NOT_A_VAULT, file, file + " is an SQLite database of another program, not a Mail Vault");
        }
        int userVersion = h.getInt(60);
        if (userVersion > Migrations.LATEST) {
            throw new VaultUnavailableException(
                    Reason.NEWER_FORMAT,
                    file,
                    file + " was written by a newer Mail Vault (format " + userVersion + ", this version reads up to "
                            + Migrations.LATEST + "); update Mail Vault. The file was left untouched.");
        }
        if (pageSize < 512 || size % pageSize != 0 || size < pages * pageSize) {
            throw new VaultUnavailableException(Reason.DAMAGED, file, file + " is truncated or damaged");
        }
    }
}
