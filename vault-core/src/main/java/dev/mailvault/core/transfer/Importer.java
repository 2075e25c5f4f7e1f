package dev.mailvault.core.transfer;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.transfer.internal.BitwardenJson;
import dev.mailvault.core.transfer.internal.KeePassXcCsv;
import dev.mailvault.core.transfer.internal.LoginEntries;
import dev.mailvault.core.transfer.internal.LoginEntry;
import dev.mailvault.core.transfer.internal.Parsed;
import dev.mailvault.core.transfer.internal.TextInput;
import dev.mailvault.core.transfer.internal.ThunderbirdPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads KeePassXC CSV, Bitwarden JSON and Thunderbird profiles into an {@link ImportPlan}. Reading
 * writes nothing; the whole file is parsed and checked before any account can be added, and a
 * file that does not read is an {@link ImportRefusedException} naming the line, item or account.
 */
public final class Importer {
    private final ServerLookup servers;

    /** {@code servers} finds the mail servers of a known provider (the provider catalog). */
    public Importer(ServerLookup servers) {
        this.servers = Objects.requireNonNull(servers, "servers");
    }

    /**
     * Reads an export file; for {@link ImportFormat#THUNDERBIRD} a profile folder (or its prefs.js).
     */
    public ImportPlan read(Path file, ImportFormat format) {
        Path source = file;
        if (format == ImportFormat.THUNDERBIRD && Files.isDirectory(file)) {
            source = file.resolve("prefs.js");
            if (!Files.isRegularFile(source)) {
                throw ImportRefusedException.of(ImportRefusedException.Reason.NO_PREFS_JS, file.toString());
            }
        } else if (format != ImportFormat.THUNDERBIRD && Files.isDirectory(file)) {
            throw ImportRefusedException.of(
                    ImportRefusedException.Reason.FOLDER_NOT_FILE, file.toString(), format.toString());
        }
        byte[] bytes = TextInput.readFile(source);
        try {
            return read(bytes, format, source.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Reads the content of an export (for Thunderbird: of prefs.js); {@code name} names it in
     * messages. The caller keeps and wipes {@code content}.
     */
    public ImportPlan read(byte[] content, ImportFormat format, String name) {
        char[] text = TextInput.decode(content, name);
        try {
            Parsed parsed = switch (format) {
                case KEEPASSXC_CSV -> assemble(KeePassXcCsv.read(text, name), name);
                case BITWARDEN_JSON -> {
                    List<Skipped> notLogins = new ArrayList<>();
                    List<LoginEntry> entries = BitwardenJson.read(text, name, notLogins);
                    Parsed p = assemble(entries, name);
                    notLogins.forEach(p::skip);
                    yield p;
                }
                case THUNDERBIRD -> ThunderbirdPrefs.read(text, name, servers);
            };
            return new ImportPlan(format, parsed);
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /** The entries' own refusals name the entry ("line 3"); the file is named here. */
    private Parsed assemble(List<LoginEntry> entries, String name) {
        try {
            return new LoginEntries(servers).assemble(entries);
        } catch (BadInputException e) {
            throw ImportRefusedException.at(name, e);
        }
    }
}
