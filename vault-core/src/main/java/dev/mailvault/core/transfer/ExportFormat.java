package dev.mailvault.core.transfer;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** The files {@code vault export} writes. */
public enum ExportFormat {
    /** An encrypted copy of the vault that opens with the same master password. */
    BACKUP("backup"),
    /** A plaintext CSV in KeePassXC's layout, one row per credential. */
    KEEPASSXC_CSV("keepassxc-csv");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the file holds secrets in clear (the caller asks for confirmation first). */
    public boolean isPlaintext() {
        return this == KEEPASSXC_CSV;
    }

    public static ExportFormat parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new BadInputException("unknown export format '" + text + "' (allowed: backup, keepassxc-csv)");
    }

    @Override
    public String toString() {
        return id;
    }
}
