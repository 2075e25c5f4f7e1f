package dev.mailvault.core.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Remembers, outside the vault, the highest generation seen for each vault id, so that an older
 * copy of a vault put in place of the current one is noticed. It only warns: restoring a backup on
 * purpose is legitimate, and the file lives in the user's own state folder, which an attacker who
 * can replace the vault can usually edit too (SECURITY.md).
 */
public final class GenerationLog {
    private final Path file;

    public GenerationLog(Path stateDir) {
        this.file = stateDir.resolve("generations.properties");
    }

    synchronized long lastSeen(byte[] vaultId) {
        String v = load().getProperty(HexFormat.of().formatHex(vaultId));
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    synchronized void record(byte[] vaultId, long generation) {
        Properties p = load();
        String k = HexFormat.of().formatHex(vaultId);
        String old = p.getProperty(k);
        try {
            if (old != null && Long.parseLong(old) >= generation) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // a damaged entry is replaced
        }
        p.setProperty(k, Long.toString(generation));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "generations", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Mail Vault: highest generation seen per vault id");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Best effort: the log is a warning aid, never a reason to fail a confirmed change.
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }
}
