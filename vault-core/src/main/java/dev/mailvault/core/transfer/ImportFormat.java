package dev.mailvault.core.transfer;

import dev.mailvault.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files {@code vault import} reads. */
public enum ImportFormat {
    /** KeePassXC's CSV export (Database → Export → CSV, or {@code keepassxc-cli export -f csv}). */
    KEEPASSXC_CSV("keepassxc-csv"),
    /** Bitwarden's unencrypted JSON export. */
    BITWARDEN_JSON("bitwarden-json"),
    /** A Thunderbird profile folder (its prefs.js); Thunderbird's own passwords are not readable. */
    THUNDERBIRD("thunderbird");

    private final String id;

    ImportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the file carries the passwords; when not, the caller supplies them. */
    public boolean carriesPasswords() {
        return this != THUNDERBIRD;
    }

    public static ImportFormat parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ImportFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new BadInputException("unknown import format '" + text + "' (allowed: "
                + Arrays.stream(values()).map(ImportFormat::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
